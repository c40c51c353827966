/** Why a download attempt failed, told apart so the runner knows what to do next. */

/** Does the server answer at all (an opaque no-cors reply) while refusing scripts (CORS)? */
export async function answersWithoutCors(url: string): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store', referrerPolicy: 'no-referrer' });
    return true;
  } catch {
    return false;
  }
}

export class HttpStatus extends Error {
  constructor(readonly status: number) {
    super(`the server answered ${status}`);
  }
}
export class SizeMismatch extends Error {}
/** sourceFor couldn't get the server to prepare the file (its message says why). */
export class SourceRefused extends Error {}
