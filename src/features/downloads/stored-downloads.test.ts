import { describe, expect, it, vi } from 'vitest';
import { forgetAccountMemory } from '../../lib/account-memory';
import { brokenRecords, readStoredDownloads } from './stored-downloads';

// What the disk holds: a job and a set record no build can read.
vi.mock('./download-db', () => ({
  loadJobRecords: async () => [['5004@original', { v: 'garbage' }]],
  loadSetRecords: async () => [['playlist:server:77', 42]],
}));

describe('the records a load found broken', () => {
  it('are listed for the runner tab, and forgotten at sign-out', async () => {
    await readStoredDownloads();
    expect(brokenRecords()).toEqual({
      jobs: ['5004@original'],
      sets: ['playlist:server:77'],
      regained: [],
    });
    forgetAccountMemory();
    expect(brokenRecords()).toEqual({ jobs: [], sets: [], regained: [] });
  });
});
