/**
 * What an account's data left in memory (decoded covers and their blob: URLs, say), emptied at
 * sign-out. A module that keeps such a cache registers its `forget` when it loads: sign-out never
 * has to load a module only to empty it, so the first-load chunk doesn't carry them (decision 022).
 */
const forgetters = new Set<() => void>();

export function forgetAtSignOut(forget: () => void): void {
  forgetters.add(forget);
}

/** Sign-out (or another account's data found at sign-in): every registered cache is emptied. */
export function forgetAccountMemory(): void {
  for (const forget of forgetters) forget();
}
