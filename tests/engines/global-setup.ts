import { existsSync } from 'node:fs';
import { FIREFOX_PATH } from './firefox';
import { startSoundOutput } from './sound-output';
import { MINIBROWSER_PATH, WEBKIT_DRIVER_PATH } from './webkit';

/** The other engines must be here (.ci/run installs them); Firefox gets a sound output. */
export default function setup(): () => void {
  const missing = [FIREFOX_PATH, WEBKIT_DRIVER_PATH, MINIBROWSER_PATH, '/usr/bin/Xvfb'].filter(
    (path) => !existsSync(path),
  );
  if (missing.length > 0) {
    throw new Error(
      `Missing ${missing.join(', ')}: run .ci/run, or apt-get install -y firefox-esr ` +
        'webkit2gtk-driver xvfb pulseaudio gstreamer1.0-plugins-good gstreamer1.0-libav',
    );
  }
  return startSoundOutput();
}
