/** What went wrong talking to Plex, as the retry policy and failover act on it. */
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

/**
 * What happened, one code for each thing a person is told differently, and the kind each one is
 * (several codes share a kind: the retry policy needs less detail than a sentence does). The
 * words are the UI's (ui/plex-error-text.ts, decision 028): nothing here is shown to anyone.
 */
const kindOfCode = {
  'sign-in-refused': 'unauthorized',
  'rate-limited': 'rate-limited',
  'no-answer': 'timeout',
  /** The headers came, then the body stopped arriving (timed out or dropped). */
  'stopped-midway': 'timeout',
  'cut-off': 'unreachable',
  unreachable: 'unreachable',
  /** No PMS connection to send the request on (app/server-writes.ts). */
  'not-connected': 'unreachable',
  offline: 'offline',
  cancelled: 'aborted',
  'not-found': 'not-found',
  /** The list came back without the item asked for (`item` says which). */
  gone: 'not-found',
  'server-error': 'server-error',
  refused: 'http',
  /** The transcoder's decision said no (`detail`: the server's own words, if any). */
  'cannot-convert': 'http',
  'xml-reply': 'bad-response',
  'unreadable-reply': 'bad-response',
  /** Valid JSON, not the shape needed (`detail`: the schema's path and issue). */
  'unexpected-reply': 'bad-response',
  /** A Part key that would lead off the server (urls.ts). */
  'unsafe-address': 'bad-response',
} as const satisfies Record<string, PlexErrorKind>;

export type PlexErrorCode = keyof typeof kindOfCode;

export const plexErrorCodes = () => Object.keys(kindOfCode) as PlexErrorCode[];

/** Which item a `gone` error is about. */
export type PlexItemKind = 'playlist' | 'artist' | 'album';

interface Details {
  status?: number;
  retryAfterMs?: number;
  /** host + path only: never the query string, which carries the token. */
  where?: string;
  item?: PlexItemKind;
  /** Text from below passed on as it came (the server's decision text, a schema issue). */
  detail?: string;
  cause?: unknown;
}

/** A coded error: no `message`, the words are the UI's. */
export interface PlexErrorInit extends Details {
  code: PlexErrorCode;
  kind?: never;
  message?: never;
}

/**
 * @deprecated The form before decision 028, kept only so the player's test (under refactor
 * elsewhere) compiles: its code is the kind's plainest, and its message is never shown.
 */
export interface LegacyPlexErrorInit extends Details {
  kind: PlexErrorKind;
  message: string;
  code?: never;
}

/** The old form's code: the first of its kind ('cors' had none of its own: it is unreachable). */
const plainCode = (kind: PlexErrorKind): PlexErrorCode =>
  plexErrorCodes().find((code) => kindOfCode[code] === kind) ?? 'unreachable';

export class PlexError extends Error {
  readonly code: PlexErrorCode;
  readonly kind: PlexErrorKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly where: string | undefined;
  readonly item: PlexItemKind | undefined;
  readonly detail: string | undefined;

  constructor(init: PlexErrorInit | LegacyPlexErrorInit) {
    const code = init.code ?? plainCode(init.kind);
    if (!Object.hasOwn(kindOfCode, code)) throw new TypeError(`Not a PlexError code: ${code}`);
    // The code and where, for a developer's console; a person reads ui/plex-error-text.ts.
    super(init.where ? `${code} (${init.where})` : code, { cause: init.cause });
    this.name = 'PlexError';
    this.code = code;
    this.kind = init.kind ?? kindOfCode[code];
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.where = init.where;
    this.item = init.item;
    this.detail = init.detail;
  }
}

export function isPlexError(error: unknown, kind?: PlexErrorKind): error is PlexError {
  return error instanceof PlexError && (kind === undefined || error.kind === kind);
}
