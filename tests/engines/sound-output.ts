import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { E2E_APP_PORT } from '../e2e/ports';

/**
 * A sound output for Firefox on a machine without one. With no audio device Firefox says
 * "playing", runs the clock, then fails every track at 0 s with MediaError 3 (the sink, not the
 * file). A PulseAudio null sink is a device that plays to nowhere in real time. It lives in a
 * runtime directory of its own, handed to Firefox only: WebKitGTK's GStreamer stalls the second
 * track on it (currentTime stays 0 while "playing") and plays fine on its own fallback sink.
 */
// One per port base: a run that shared another's output killed it on finishing, and the other
// run's Firefox then failed every track at 0 s (CI beside another engineer's tests).
const SOUND_RUNTIME_DIR = `/tmp/plexm8-test-sound-${E2E_APP_PORT}`;

const socket = `${SOUND_RUNTIME_DIR}/pulse/native`;

// These calls block the test process: one that stalls must fail the run, not hold it forever.
const PULSE_TIMEOUT_MS = 30_000;

/** The environment Firefox needs to reach the test sound output, if there is one. */
export function soundEnvironment(): Record<string, string> {
  return existsSync(socket) ? { XDG_RUNTIME_DIR: SOUND_RUNTIME_DIR } : {};
}

const pulse = (args: string[]) =>
  spawnSync('pulseaudio', args, {
    env: { ...process.env, XDG_RUNTIME_DIR: SOUND_RUNTIME_DIR },
    encoding: 'utf8',
    timeout: PULSE_TIMEOUT_MS,
  });

/** Starts the null sink unless one answers already; returns how to stop what it started. */
export function startSoundOutput(): () => void {
  if (pulse(['--check']).status === 0 && existsSync(socket)) return () => undefined;
  mkdirSync(SOUND_RUNTIME_DIR, { recursive: true, mode: 0o700 });
  execFileSync(
    'pulseaudio',
    [
      '--daemonize',
      '--exit-idle-time=-1',
      '-n',
      '--load=module-null-sink sink_name=nowhere',
      '--load=module-native-protocol-unix',
    ],
    {
      env: { ...process.env, XDG_RUNTIME_DIR: SOUND_RUNTIME_DIR },
      stdio: 'ignore',
      timeout: PULSE_TIMEOUT_MS,
    },
  );
  return () => void pulse(['--kill']);
}
