import { describe, expect, it } from 'vitest';
import { continuesFrom, validatorOf } from './resume-check';

const answer = (status: number, headers: Record<string, string>) =>
  new Response(status === 206 || status === 200 ? 'x' : null, { status, headers });

describe('whether an answer continues the saved bytes', () => {
  it('takes a 206 that starts at the bytes held and runs to the end of the file as it was', () => {
    const ok = answer(206, { 'Content-Range': 'bytes 4000-9999/10000', ETag: '"v1"' });
    expect(continuesFrom(ok, 4000, 10_000, '"v1"')).toBe(true);
  });

  it('refuses another start, another size, a short range, another validator or a whole file', () => {
    const range = (value: string, more: Record<string, string> = {}) =>
      answer(206, { 'Content-Range': value, ...more });
    expect(continuesFrom(range('bytes 3000-9999/10000'), 4000, 10_000, null)).toBe(false);
    expect(continuesFrom(range('bytes 4000-10999/11000'), 4000, 10_000, null)).toBe(false);
    expect(continuesFrom(range('bytes 4000-4999/10000'), 4000, 10_000, null)).toBe(false);
    expect(continuesFrom(range('bytes 4000-9999/*'), 4000, 10_000, null)).toBe(false);
    expect(
      continuesFrom(range('bytes 4000-9999/10000', { ETag: '"v2"' }), 4000, 10_000, '"v1"'),
    ).toBe(false);
    expect(continuesFrom(answer(200, { 'Content-Length': '10000' }), 4000, 10_000, null)).toBe(
      false,
    );
    expect(
      continuesFrom(answer(416, { 'Content-Range': 'bytes */3000' }), 4000, 10_000, null),
    ).toBe(false);
  });

  it('holds a 206 whose Content-Range CORS hides to its length', () => {
    expect(continuesFrom(answer(206, { 'Content-Length': '6000' }), 4000, 10_000, null)).toBe(true);
    expect(continuesFrom(answer(206, { 'Content-Length': '7000' }), 4000, 10_000, null)).toBe(
      false,
    );
    // Nothing to check it against: not taken.
    expect(continuesFrom(answer(206, { 'Content-Length': '6000' }), 4000, null, null)).toBe(false);
  });
});

describe('the validator kept for If-Range', () => {
  it('is a strong ETag, else Last-Modified; a weak ETag never matches in If-Range', () => {
    const date = 'Wed, 02 Dec 2026 10:00:00 GMT';
    expect(validatorOf(new Headers({ ETag: '"abc"', 'Last-Modified': date }))).toBe('"abc"');
    expect(validatorOf(new Headers({ ETag: 'W/"abc"', 'Last-Modified': date }))).toBe(date);
    expect(validatorOf(new Headers({ ETag: 'W/"abc"' }))).toBeNull();
    expect(validatorOf(new Headers())).toBeNull();
  });
});
