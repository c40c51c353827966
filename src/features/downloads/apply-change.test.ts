import { afterEach, describe, expect, it } from 'vitest';
import { applyChange } from './apply-change';
import { useDownloadsStore } from './downloads-store';
import type { Change } from './tab-messages';

const KEY = 's:101@original';

/** A message as a tab of the build before decision 028 posts it: failures as sentences. */
const fromOlderTab = (message: object): Change => JSON.parse(JSON.stringify(message));

afterEach(() => useDownloadsStore.setState({ jobs: {}, order: [], stopped: null }));

describe('a tab of the build before, still open after an update', () => {
  it('sends a failure as its sentence: this tab holds the code it stands for', () => {
    applyChange(
      fromOlderTab({
        t: 'jobs',
        jobs: [
          {
            v: 2,
            key: KEY,
            track: { id: '1', title: 'Song', artist: 'Band', album: 'Record', durationMs: 1 },
            quality: 'original',
            serverId: 's',
            status: 'failed',
            bytes: 0,
            total: null,
            chunks: 0,
            validator: null,
            attempts: 4,
            retryAt: null,
            error: 'the server answered 404',
            addedAt: 0,
            seq: 1,
          },
        ],
      }),
    );
    expect(useDownloadsStore.getState().jobs[KEY]?.error).toEqual({ code: 'http', status: 404 });
  });

  it('sends "storage is full" as a sentence: this tab holds the reason', () => {
    applyChange(
      fromOlderTab({
        t: 'flags',
        paused: false,
        stopped: 'Storage is full, so downloads stopped.',
      }),
    );
    expect(useDownloadsStore.getState().stopped).toBe('storage-full');
  });
});
