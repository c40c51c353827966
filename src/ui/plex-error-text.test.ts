import { describe, expect, it } from 'vitest';
import { PlexError, plexErrorCodes, type PlexErrorInit } from '../lib/plex/errors';
import { describeError, plexErrorText } from './plex-error-text';

const where = '10-0-0-2.abc.plex.direct:32400/library/sections';
const said = (init: PlexErrorInit) => plexErrorText(new PlexError(init));

describe('what a Plex error says to a person', () => {
  it('says what the client used to say, from the code', () => {
    expect(said({ code: 'sign-in-refused', status: 401, where })).toBe(
      'Plex did not accept your sign-in.',
    );
    expect(said({ code: 'no-answer', where })).toBe(
      '10-0-0-2.abc.plex.direct:32400 did not answer in time.',
    );
    expect(said({ code: 'stopped-midway', where })).toBe(
      '10-0-0-2.abc.plex.direct:32400 stopped in the middle of its answer.',
    );
    expect(said({ code: 'unreachable', where })).toBe(
      "Couldn't reach 10-0-0-2.abc.plex.direct:32400.",
    );
    expect(said({ code: 'not-found', status: 404, where })).toBe(`Plex could not find ${where}.`);
    expect(said({ code: 'gone', item: 'playlist' })).toBe('That playlist is gone from the server.');
    expect(said({ code: 'server-error', status: 503, where })).toBe(
      'Plex had a problem (error 503).',
    );
    expect(said({ code: 'refused', status: 403, where })).toBe(
      'Plex refused the request (error 403).',
    );
    expect(said({ code: 'xml-reply', where })).toBe(`${where} answered in XML instead of JSON.`);
    expect(said({ code: 'unreadable-reply', where })).toBe(
      `${where} sent a reply PlexM8 couldn't read (it may have been cut off).`,
    );
    expect(said({ code: 'unexpected-reply', where, detail: 'MediaContainer.size: Invalid' })).toBe(
      `${where} sent an unexpected reply (MediaContainer.size: Invalid).`,
    );
    expect(said({ code: 'not-connected' })).toBe('That server isn’t connected now.');
  });

  it('has a sentence for every code, with or without where', () => {
    for (const code of plexErrorCodes()) {
      for (const text of [said({ code }), said({ code, where })]) {
        expect(text).toMatch(/^[A-Z0-9].*\.$/);
        expect(text).not.toContain('undefined');
      }
    }
  });

  it('never repeats a raw error (its text may carry a URL and its token)', () => {
    expect(describeError(new TypeError('fetch https://pms/x?X-Plex-Token=secret'))).toBe(
      'Something went wrong. Try again.',
    );
  });
});
