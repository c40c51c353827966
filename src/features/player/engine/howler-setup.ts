import type { Howl } from 'howler';
import { Howler } from 'howler';

/** howler's globals and per-sound fields that its types leave out. */
type HowlerInternals = { _unlockAudio?: () => void; _audioUnlocked?: boolean };
type HowlInternals = { _sounds?: { _node?: HTMLMediaElement & { _unlocked?: boolean } }[] };

const SET_UP_AUDIO_AFTER_MS = 1_000;

/**
 * howler creates its AudioContext with the first Howl (15 ms on a phone, 40 here), and with it
 * arms its mobile "unlock" for the next click or touch. Both are done a second after the page's
 * first gesture, when the browser is idle: not at start (before any gesture Chromium starts the
 * context suspended and warns), not on the tap that starts the music (it would wait for them),
 * and not inside the first gesture's own task either (that tap opens a playlist, and the
 * playlist would wait). Chromium lets a context start once the page has been used at all.
 */
export function prepareAudioAfterFirstGesture(): void {
  if (typeof document === 'undefined') return;
  const events = ['pointerup', 'keydown'] as const;
  const prepare = () => {
    for (const event of events) document.removeEventListener(event, prepare, true);
    const setUp = () => {
      Howler.volume();
      (Howler as unknown as HowlerInternals)._unlockAudio?.();
    };
    // The screen that tap opened loads and paints first (its data is often still on its way).
    setTimeout(
      () =>
        'requestIdleCallback' in window ? requestIdleCallback(setUp, { timeout: 1000 }) : setUp(),
      SET_UP_AUDIO_AFTER_MS,
    );
  };
  for (const event of events) document.addEventListener(event, prepare, true);
}

/**
 * The unlock reloads every audio element howler didn't take from its unlocked pool. A track
 * created before the unlock has fired (fetched on mouse-down, say) is played from that very tap,
 * which is all a browser asks; reloading it would only restart a fetch under way.
 */
export function spareFromUnlockReload(howl: Howl): void {
  if ((Howler as unknown as HowlerInternals)._audioUnlocked) return;
  for (const sound of (howl as unknown as HowlInternals)._sounds ?? [])
    if (sound._node) sound._node._unlocked = true;
}
