import {
  del,
  delMany,
  entries,
  get,
  keys,
  promisifyRequest,
  set,
  setMany,
  type UseStore,
} from 'idb-keyval';
import { storageName } from '../../lib/storage-names';
import { writesAllowed } from '../../lib/write-gate';
import { relaxedStore } from './relaxed-store';
import type { DownloadJob, DownloadSet } from './types';

/**
 * Downloads live in IndexedDB (docs/decisions/006): files as Blobs keyed by part id and quality,
 * partial chunks next to them, and the job and set records in their own databases (idb-keyval
 * keeps one object store per database). Names carry the app's prefix: every project page of a
 * GitHub user shares one origin.
 */
let files: UseStore | null = null;
let jobs: UseStore | null = null;
let sets: UseStore | null = null;
const filesDb = () => (files ??= relaxedStore(storageName('download-files'), 'files'));
const jobsDb = () => (jobs ??= relaxedStore(storageName('download-jobs'), 'jobs'));
const setsDb = () => (sets ??= relaxedStore(storageName('download-sets'), 'sets'));

const chunkKey = (key: string, n: number) => `${key}#${n}`;

/** A file kept as bytes where the browser won't keep Blobs. */
interface StoredBytes {
  type: string;
  bytes: ArrayBuffer;
}
type Stored = Blob | StoredBytes;

/**
 * Safari's engine in a private window (and in an automation session) aborts any IndexedDB write
 * of a Blob, with no error to say why, while it stores an ArrayBuffer of the same bytes. After
 * the first refusal, files are kept as bytes; they are read back as Blobs either way.
 */
let blobsRefused = false;

/** Neither a Blob nor its bytes could be stored, and not for want of space. */
export class StorageRefused extends Error {
  constructor(cause: unknown) {
    super('storage-refused', { cause });
  }
}

/**
 * Another tab signed out (lib/write-gate.ts): nothing of the account may be written any more.
 * Deleting stays allowed: it is what the sign-out wants.
 */
export class WritesClosed extends Error {
  constructor() {
    super('another tab signed out');
  }
}
function gate(): void {
  if (!writesAllowed()) throw new WritesClosed();
}

async function store(key: string, blob: Blob): Promise<void> {
  gate();
  if (!blobsRefused) {
    try {
      await set(key, blob, filesDb());
      return;
    } catch (error) {
      // WebKit's refusal is an abort with no error at all; anything else is not this.
      if (error !== null) throw error;
      blobsRefused = true;
    }
  }
  const stored: StoredBytes = { type: blob.type, bytes: await blob.arrayBuffer() };
  try {
    await set(key, stored, filesDb());
  } catch (error) {
    throw isQuotaError(error) ? error : new StorageRefused(error);
  }
}

async function load(key: string): Promise<Blob | undefined> {
  const stored = await get<Stored>(key, filesDb());
  if (!stored || stored instanceof Blob) return stored;
  return new Blob([stored.bytes], { type: stored.type });
}

export const readFile = (key: string) => load(key);

export const writeChunk = (key: string, n: number, blob: Blob) => store(chunkKey(key, n), blob);

/** The saved chunks of a job, or null when one is missing (then it starts over). */
export async function readChunks(key: string, count: number): Promise<Blob[] | null> {
  const blobs: Blob[] = [];
  for (let n = 0; n < count; n += 1) {
    const blob = await load(chunkKey(key, n));
    if (!blob) return null;
    blobs.push(blob);
  }
  return blobs;
}

const chunksOf = (key: string) => IDBKeyRange.bound(`${key}#`, `${key}#\uffff`);

/** Whole files waiting for their write, and whether a write is under way. */
interface Waiting {
  key: string;
  blob: Blob;
  resolve(): void;
  reject(error: unknown): void;
}
let waiting: Waiting[] = [];
let flushing = false;
/** Bytes per transaction at most: files waiting beyond that go in the next one. */
const BATCH_BYTES = 32 * 1024 * 1024;

/** Each file put and its chunks dropped, all in one transaction. */
const putFiles = (list: ReadonlyArray<readonly [string, Stored]>) =>
  filesDb()('readwrite', (store) => {
    for (const [key, value] of list) {
      store.put(value, key);
      store.delete(chunksOf(key));
    }
    return promisifyRequest(store.transaction);
  });

async function storeFiles(batch: readonly Waiting[]): Promise<void> {
  // Files waiting behind a transaction while another tab signed out: none is written after it.
  gate();
  if (!blobsRefused) {
    try {
      await putFiles(batch.map((w) => [w.key, w.blob] as const));
      return;
    } catch (error) {
      // WebKit's refusal is an abort with no error at all; anything else is not this.
      if (error !== null) throw error;
      blobsRefused = true;
    }
  }
  const bytes = await Promise.all(
    batch.map(
      async (w) => [w.key, { type: w.blob.type, bytes: await w.blob.arrayBuffer() }] as const,
    ),
  );
  try {
    await putFiles(bytes);
  } catch (error) {
    throw isQuotaError(error) ? error : new StorageRefused(error);
  }
}

async function flushFiles(): Promise<void> {
  while (waiting.length > 0) {
    let count = 0;
    let bytes = 0;
    for (const w of waiting) {
      if (count > 0 && bytes + w.blob.size > BATCH_BYTES) break;
      bytes += w.blob.size;
      count += 1;
    }
    const batch = waiting.slice(0, count);
    waiting = waiting.slice(count);
    try {
      await storeFiles(batch);
      for (const w of batch) w.resolve();
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      // One file's failure needn't be the others': each is tried alone.
      else for (const w of batch) await storeFiles([w]).then(w.resolve, w.reject);
    }
  }
  flushing = false;
}

/**
 * The whole file kept and every chunk saved on the way to it dropped, in one transaction. Files
 * that finish while a write is under way are written together in the next one: with small files
 * each transaction, not its bytes, was what cost (decision 026). Resolves once this file landed.
 */
export function writeFile(key: string, blob: Blob): Promise<void> {
  gate();
  return new Promise<void>((resolve, reject) => {
    waiting.push({ key, blob, resolve, reject });
    if (flushing) return;
    flushing = true;
    void flushFiles();
  });
}

/**
 * Every chunk saved under `key`, however many: its record may count fewer than there are (a tab
 * that closed after saving a chunk, before its record landed), and none may outlive the file.
 */
export const dropChunks = (key: string) =>
  filesDb()('readwrite', (store) => {
    store.delete(chunksOf(key));
    return promisifyRequest(store.transaction);
  });

/** Removes a job's file and chunks. */
export async function dropFiles(key: string): Promise<void> {
  await del(key, filesDb());
  await dropChunks(key);
}

/**
 * Records per transaction: each write clones its records on the main thread, so 20,000 jobs
 * queued at once are written a piece at a time, other tasks running in between (decision 021).
 */
export const WRITE_PIECE = 100;

export const pieces = <T>(list: readonly T[], size = WRITE_PIECE): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
    list.slice(i * size, (i + 1) * size),
  );

/** One transaction: callers keep `list` to WRITE_PIECE records (outbox.ts does). */
export async function saveJobs(list: DownloadJob[]): Promise<void> {
  gate();
  await setMany(
    list.map((job) => [job.key, job]),
    jobsDb(),
  );
}
export async function deleteJobs(keys: string[]): Promise<void> {
  for (const piece of pieces(keys, WRITE_PIECE * 4)) await delMany(piece, jobsDb());
}

/** Removes these jobs' files and all their chunks, a piece of jobs per transaction. */
export async function dropFilesOf(list: readonly Pick<DownloadJob, 'key'>[]): Promise<void> {
  for (const piece of pieces(list, WRITE_PIECE * 4))
    await filesDb()('readwrite', (store) => {
      for (const { key } of piece) {
        store.delete(key);
        store.delete(chunksOf(key));
      }
      return promisifyRequest(store.transaction);
    });
}
/** Every job record as stored, any version (stored-records.ts reads them). */
export const loadJobRecords = () => entries<string, unknown>(jobsDb());

export async function saveSet(s: DownloadSet): Promise<void> {
  gate();
  await set(s.id, s, setsDb());
}
export const deleteSets = (ids: string[]) => delMany(ids, setsDb());
export const loadSetRecords = () => entries<string, unknown>(setsDb());

/** A file and every chunk saved under `key`, however many: for records too broken to say. */
export async function dropAllFilesOf(jobKeys: readonly string[]): Promise<void> {
  if (jobKeys.length === 0) return;
  const doomed = new Set(jobKeys);
  const stored = await keys<string>(filesDb());
  await delMany(
    stored.filter((k) => doomed.has(String(k).split('#')[0] ?? '')),
    filesDb(),
  );
}

/** Everything, for "delete all" and sign-out. */
export async function wipeDownloads(): Promise<void> {
  const { clear } = await import('idb-keyval');
  await Promise.all([clear(filesDb()), clear(jobsDb()), clear(setsDb())]);
}

/** QuotaExceededError, however the browser wraps it (a DOMException, or a transaction abort). */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') return true;
  const inner = (error as { error?: unknown; target?: { error?: unknown } } | null)?.target?.error;
  return inner !== undefined && inner !== error && isQuotaError(inner);
}
