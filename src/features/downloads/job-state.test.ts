import { describe, expect, it } from 'vitest';
import type { Track } from '../../domain';
import { dropJobs, emptyJobState, setsNow, upsertJobs, type JobState } from './job-state';
import {
  JOB_VERSION,
  SET_VERSION,
  type DownloadJob,
  type DownloadSet,
  type JobStatus,
} from './types';

const track = (n: number): Track => ({
  id: String(n),
  title: `Song ${n}`,
  artist: 'Band',
  album: 'Record',
  durationMs: 1000,
  media: { partId: n, partKey: `/library/parts/${n}/file.mp3`, size: 100 },
});
const job = (n: number, status: JobStatus = 'queued', bytes = 0): DownloadJob => ({
  v: JOB_VERSION,
  key: `s:${n}@original`,
  track: track(n),
  quality: 'original',
  serverId: 's',
  status,
  bytes,
  total: 100,
  chunks: 0,
  validator: null,
  attempts: 0,
  retryAt: null,
  error: null,
  addedAt: 0,
  seq: n,
});
const set = (id: string, keys: string[]): DownloadSet => ({
  v: SET_VERSION,
  id,
  kind: 'playlist',
  title: id,
  serverId: 's',
  keys,
  addedAt: 0,
});

/** What the counts must be, walking every job (what the screen did on every report before). */
function counted(s: JobState) {
  const jobs = Object.values(s.jobs);
  return {
    summary: {
      all: jobs.length,
      done: jobs.filter((j) => j.status === 'done').length,
      failed: jobs.filter((j) => j.status === 'failed').length,
      bytes: jobs.reduce((n, j) => n + j.bytes, 0),
      expected: jobs.reduce((n, j) => n + (j.total ?? j.bytes), 0),
    },
    setCounts: Object.fromEntries(
      Object.values(s.sets).map((x) => [
        x.id,
        {
          done: x.keys.filter((k) => s.jobs[k]?.status === 'done').length,
          failed: x.keys.filter((k) => s.jobs[k]?.status === 'failed').length,
        },
      ]),
    ),
  };
}

const apply = (s: JobState, next: Partial<JobState>): JobState => ({ ...s, ...next });

describe('the downloads’ job state', () => {
  it('changes a job without copying every job, and keeps totals and set counts exact', () => {
    let s = apply(
      emptyJobState(),
      upsertJobs(
        emptyJobState(),
        [1, 2, 3, 4].map((n) => job(n)),
      ),
    );
    s = apply(s, setsNow(s, { a: set('a', ['s:1@original', 's:2@original']) }));
    s = apply(s, setsNow(s, { ...s.sets, b: set('b', ['s:2@original', 's:3@original']) }));
    const jobs = s.jobs;
    const order = s.order;

    s = apply(s, upsertJobs(s, [job(2, 'downloading', 40)]));
    // The same objects: a progress report is O(changed jobs), not a copy of 20,000.
    expect(s.jobs).toBe(jobs);
    expect(s.order).toBe(order);
    s = apply(s, upsertJobs(s, [job(2, 'done', 100), job(3, 'failed', 10)]));
    expect(s).toMatchObject(counted(s));
    expect(s.setCounts).toEqual({ a: { done: 1, failed: 0 }, b: { done: 1, failed: 1 } });
    expect(s.onDevice).toEqual({ 's:2': 's:2@original' });

    s = apply(s, dropJobs(s, ['s:2@original']));
    expect(s).toMatchObject(counted(s));
    expect(s.onDevice).toEqual({});
    expect(s.order).toEqual(['s:1@original', 's:3@original', 's:4@original']);
  });

  it('counts 20,000 jobs the same way after a run of changes', () => {
    const n = 20_000;
    let s = apply(
      emptyJobState(),
      upsertJobs(
        emptyJobState(),
        Array.from({ length: n }, (_, i) => job(i)),
      ),
    );
    s = apply(s, setsNow(s, { big: set('big', [...s.order]) }));
    for (let i = 0; i < 300; i += 1) {
      const status: JobStatus = i % 7 === 0 ? 'failed' : i % 2 ? 'done' : 'downloading';
      s = apply(s, upsertJobs(s, [job((i * 61) % n, status, i)]));
    }
    expect(s).toMatchObject(counted(s));
  });
});
