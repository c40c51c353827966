import * as db from './download-db';
import type { PartFetch } from './fetch-part';

/** The whole file saved in place of its chunks: the job is done, however it was fetched. */
export async function finishFile(p: Pick<PartFetch, 'job' | 'held' | 'patch'>, file: Blob) {
  await db.writeFile(p.job.key, file);
  p.held.chunks = 0;
  p.patch({
    status: 'done',
    bytes: file.size,
    total: file.size,
    chunks: 0,
    error: null,
    retryAt: null,
  });
}
