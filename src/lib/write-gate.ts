/**
 * Whether this page may still write the account's data. Another tab signing out closes it
 * (app/session-sync.ts): from then on nothing this page still holds in memory (a queue, a
 * position, a cached query, a download chunk) may land on disk after the wipe and bring the
 * signed-out account's data back. The page reloads soon after, signed out; it never reopens.
 */
let open = true;

export const writesAllowed = (): boolean => open;

export function closeWrites(): void {
  open = false;
}

/** Tests start each case with writes allowed. */
export function reopenWritesForTests(): void {
  open = true;
}
