/** What went wrong talking to Plex, in words the UI can show and the retry policy can act on. */
export type PlexErrorKind =
  | 'unauthorized'
  | 'rate-limited'
  | 'unreachable'
  | 'timeout'
  | 'offline'
  | 'cors'
  | 'not-found'
  | 'server-error'
  | 'bad-response'
  | 'http'
  | 'aborted';

export interface PlexErrorInit {
  kind: PlexErrorKind;
  message: string;
  status?: number;
  retryAfterMs?: number;
  /** host + path only: never the query string, which carries the token. */
  where?: string;
  cause?: unknown;
}

export class PlexError extends Error {
  readonly kind: PlexErrorKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly where: string | undefined;

  constructor(init: PlexErrorInit) {
    super(init.message, { cause: init.cause });
    this.name = 'PlexError';
    this.kind = init.kind;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.where = init.where;
  }
}

export function isPlexError(error: unknown, kind?: PlexErrorKind): error is PlexError {
  return error instanceof PlexError && (kind === undefined || error.kind === kind);
}

/** A message for any thrown value, without leaking a URL (and its token) from a raw error. */
export function describeError(error: unknown): string {
  if (error instanceof PlexError) return error.message;
  return 'Something went wrong. Try again.';
}
