/** Why a download attempt failed, told apart so the runner knows what to do next. */

export class HttpStatus extends Error {
  constructor(readonly status: number) {
    super(`the server answered ${status}`);
  }
}
export class SizeMismatch extends Error {}
/** sourceFor couldn't get the server to prepare the file (its message says why). */
export class SourceRefused extends Error {}
