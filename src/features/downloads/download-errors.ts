/** Why a download attempt failed, told apart so the runner knows what to do next. */

export class HttpStatus extends Error {
  constructor(readonly status: number) {
    super(`the server answered ${status}`);
  }
}
export class SizeMismatch extends Error {}
/** sourceFor couldn't get the server to prepare the file (its message says why). */
export class SourceRefused extends Error {}
/** Nothing arrived for the inactivity timeout: the connection is dead or the server stalled. */
export class Stalled extends Error {
  constructor(ms: number) {
    super(`the server stopped sending for ${Math.round(ms / 1000)} s`);
  }
}
