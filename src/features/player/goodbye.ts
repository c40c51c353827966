/**
 * What the player says to Plex before a sign-out takes the server away: `stopped` for what was
 * playing, and every transcode session ended. Sign-out waits for it (briefly): once the server
 * list is wiped, no request can reach the server any more. Set by the running player.
 */
let goodbye: (() => Promise<void>) | null = null;

export function onGoodbye(say: (() => Promise<void>) | null): void {
  goodbye = say;
}

/** Resolves when Plex has heard (or after `waitMs`, whichever comes first). */
export function sayGoodbye(waitMs = 2_000): Promise<void> {
  const say = goodbye;
  if (!say) return Promise.resolve();
  return Promise.race([
    say().catch(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, waitMs)),
  ]);
}
