import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useDownloadsStore } from './downloads-store';
import { JobRow } from './job-row';
import { readJob } from './stored-records';

/**
 * A failed download says why. Records carry a code since decision 028; the ones the build
 * before wrote carry the sentence it showed, and still read the same.
 */
const KEY = 's:101@original';

function record(v: 2 | 3, error: unknown, more: Record<string, unknown> = {}) {
  return {
    v,
    key: KEY,
    track: {
      id: '1',
      title: 'Song 101',
      artist: 'Band',
      album: 'Record',
      durationMs: 1000,
      media: { partId: 101, partKey: '/library/parts/101/file.mp3', size: 100 },
    },
    quality: 'original',
    serverId: 's',
    status: 'failed',
    bytes: 0,
    total: 100,
    chunks: 0,
    validator: null,
    attempts: 4,
    retryAt: null,
    error,
    addedAt: 0,
    seq: 1,
    ...more,
  };
}

/** The row for a record as it lies on disk, read the way the app reads it at start. */
function showStored(raw: unknown): string | null {
  const read = readJob(KEY, raw);
  if (!('ok' in read)) throw new Error('the record did not read');
  useDownloadsStore.setState({ jobs: { [KEY]: read.ok } });
  render(<JobRow jobKey={KEY} />);
  // The line under the title: the artist (isolated, in its own element), then the state.
  return screen.getByText((_text, el) => el?.className === 'dl-sub').textContent;
}

afterEach(() => useDownloadsStore.setState({ jobs: {} }));

describe('why a download failed', () => {
  it('is worded from its code', () => {
    expect(showStored(record(3, { code: 'http', status: 503 }))).toBe(
      "Band · Couldn't download: the server answered 503.",
    );
  });

  it('reads the same from a record the build before wrote as a sentence', () => {
    const stored = record(2, 'the server stopped sending for 30 s');
    expect(readJob(KEY, stored)).toMatchObject({ ok: { error: { code: 'stalled', seconds: 30 } } });
    expect(showStored(stored)).toBe(
      "Band · Couldn't download: the server stopped sending for 30 s.",
    );
  });

  it('says it is unknown when an old record holds words this build never wrote', () => {
    const stored = record(2, 'la connexion a été interrompue');
    expect(readJob(KEY, stored)).toMatchObject({ ok: { error: { code: 'unknown' } } });
    expect(showStored(stored)).toBe("Band · Couldn't download: unknown error.");
  });

  it('says why while it waits to try again', () => {
    const waiting = { status: 'queued', attempts: 1, retryAt: Date.now() + 60_000 };
    expect(showStored(record(3, { code: 'dropped' }, waiting))).toMatch(
      /^Band · Trying again in (60|59) s \(the connection dropped\)$/,
    );
  });

  it('keeps a right-to-left artist apart from the size that follows it', () => {
    const read = readJob(
      KEY,
      record(3, null, {
        status: 'downloading',
        bytes: 50_000,
        track: { ...record(3, null).track, artist: 'فيروز' },
      }),
    );
    if (!('ok' in read)) throw new Error('the record did not read');
    useDownloadsStore.setState({ jobs: { [KEY]: read.ok } });
    render(<JobRow jobKey={KEY} />);
    const line = screen.getByText((_text, el) => el?.className === 'dl-sub');
    // Isolated, the name keeps its own direction, and the size reads left to right after it.
    expect(line.querySelector('bdi')?.textContent).toBe('فيروز');
    expect(line.getAttribute('dir')).toBeNull();
    expect(line.textContent).toMatch(/· 50\.0 KB of/);
  });
});
