/** WebKit's Audio Session API (Safari 16.4+), which TypeScript's DOM types don't have yet. */
interface AudioSessionLike {
  type: string;
}
export type NavigatorWithAudioSession = Navigator & { audioSession?: AudioSessionLike };

/**
 * Tells the browser that this page plays music. howler creates a Web Audio context beside its
 * audio elements (howler-setup.ts), and under the default "auto" the browser guesses the kind
 * of audio from what the page makes; a Web Audio page may be taken for ambient sound (muted by
 * the silent switch, suspended in the background). "playback" is what a music player is (w3c
 * audio-session), said rather than guessed. Set once, before anything plays;
 * browsers without the API are left as they are.
 */
export function claimPlaybackAudioSession(
  nav: NavigatorWithAudioSession | undefined = typeof navigator === 'undefined'
    ? undefined
    : navigator,
): void {
  const session = nav?.audioSession;
  if (!session || session.type === 'playback') return;
  try {
    session.type = 'playback';
  } catch {
    // A browser that refuses the type keeps its own: nothing to do about it.
  }
}
