/**
 * Why a download attempt failed, told apart so the runner knows what to do next and which code
 * it records (types.ts `DownloadFailure`). Their messages are for a developer's console: the
 * screen words the code (describe-failure.ts).
 */

export class HttpStatus extends Error {
  constructor(readonly status: number) {
    super(`http ${status}`);
  }
}
export class SizeMismatch extends Error {}
/** sourceFor couldn't get the server to prepare the file (a refused transcode). */
export class SourceRefused extends Error {}
/** Nothing arrived for the inactivity timeout: the connection is dead or the server stalled. */
export class Stalled extends Error {
  constructor(readonly ms: number) {
    super(`stalled ${ms} ms`);
  }
}
