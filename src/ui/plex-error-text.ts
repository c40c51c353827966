import { PlexError, type PlexErrorCode } from '../lib/plex/errors';

/**
 * What a Plex error says to a person. lib/plex hands out codes (decision 028); every screen that
 * shows one words it here, so a code without a sentence is a type error, and a sentence can be
 * changed (or translated) without touching the client.
 */
const sentences: Record<PlexErrorCode, (e: PlexError, host: string | undefined) => string> = {
  'sign-in-refused': () => 'Plex did not accept your sign-in.',
  'rate-limited': () => 'Plex is busy and asked PlexM8 to slow down.',
  'no-answer': (_e, host) => `${host ?? 'The server'} did not answer in time.`,
  'stopped-midway': (_e, host) => `${host ?? 'The server'} stopped in the middle of its answer.`,
  'cut-off': (_e, host) => `${host ?? 'The server'} stopped in the middle of its answer.`,
  unreachable: (_e, host) => `Couldn't reach ${host ?? 'the server'}.`,
  'not-connected': () => 'That server isn’t connected now.',
  offline: () => 'You are offline.',
  cancelled: () => 'Cancelled.',
  'not-found': (e) => `Plex could not find ${e.where ?? 'it'}.`,
  gone: (e) => `That ${e.item ?? 'item'} is gone from the server.`,
  'server-error': (e) => `Plex had a problem${status(e)}.`,
  refused: (e) => `Plex refused the request${status(e)}.`,
  'cannot-convert': (e) => `The server can't convert this track${bracketed(e.detail)}.`,
  'xml-reply': (e) => `${e.where ?? 'The server'} answered in XML instead of JSON.`,
  'unreadable-reply': (e) =>
    `${e.where ?? 'The server'} sent a reply PlexM8 couldn't read (it may have been cut off).`,
  'unexpected-reply': (e) =>
    `${e.where ?? 'The server'} sent an unexpected reply${bracketed(e.detail)}.`,
  'unsafe-address': (_e, host) =>
    `${host ?? 'The server'} gave a file address PlexM8 won't follow.`,
};

const status = (e: PlexError) => (e.status === undefined ? '' : ` (error ${e.status})`);
const bracketed = (text: string | undefined) => (text ? ` (${text})` : '');

export function plexErrorText(error: PlexError): string {
  const host = error.where?.split('/')[0] || undefined;
  return sentences[error.code](error, host);
}

/** A sentence for any thrown value, without leaking a URL (and its token) from a raw error. */
export function describeError(error: unknown): string {
  if (error instanceof PlexError) return plexErrorText(error);
  return 'Something went wrong. Try again.';
}
