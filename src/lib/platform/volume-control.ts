/**
 * Whether this browser lets a page set an audio element's level. On iOS it doesn't: "the audio
 * level is always under the user's physical control. The volume property is not settable in
 * JavaScript. Reading the volume property always returns 1" (Apple, Safari HTML5 Audio and Video
 * Guide). So a level is written to a probe element (no source: nothing loads or plays) and read
 * back; a browser that ignores it has no volume control for PlexM8 to offer.
 */
export function canSetVolume(
  makeProbe: () => HTMLMediaElement = () => document.createElement('audio'),
): boolean {
  if (typeof document === 'undefined') return true;
  try {
    const probe = makeProbe();
    probe.volume = 0.5;
    return Math.abs(probe.volume - 0.5) < 0.01;
  } catch {
    // A browser that throws on the write doesn't let the level be set either.
    return false;
  }
}
