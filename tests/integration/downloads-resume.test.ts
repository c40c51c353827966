// @vitest-environment node
// Node's Blob (jsdom's has no arrayBuffer() and doesn't survive fake-indexeddb's clone).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Track } from '../../src/domain';
import { createFakePlex, type FakePlex } from '../fake-plex/handler';
import type { LibTrack } from '../fake-plex/library';
import {
  partBytes,
  replacePartFile,
  setPartValidators,
  type PartValidators,
} from '../fake-plex/pms-stream';
import { hostnameScenario } from '../fake-plex/scenarios';
import * as db from '../../src/features/downloads/download-db';
import { useDownloadsStore } from '../../src/features/downloads/downloads-store';
import { startDownloadRunner, type RunnerDeps } from '../../src/features/downloads/runner';
import { loadDownloads } from '../../src/features/downloads/tab-group';

/**
 * Resuming against the fake Plex: the first answer is cut off after CUT bytes (two 16 KB chunks
 * saved), then the download carries on. Whatever the server does in between, the file kept is
 * exactly one version of the file, never the start of one joined to the rest of another.
 */
const CUT = 40_000;
const CHUNK = 16 * 1024;
const SAVED = 2 * CHUNK;

let fake: FakePlex;
let lib: LibTrack;
let origin = '';
let token = '';
let stop: () => Promise<void> = async () => undefined;

const store = () => useDownloadsStore.getState();
const SERVER = 'living-room';
const key = () => `${SERVER}:${lib.partId}@original`;
const partRequests = () => fake.requests.filter((r) => r.path.startsWith('/library/parts/'));

function trackOf(t: LibTrack): Track {
  return {
    id: t.ratingKey,
    title: t.title,
    artist: 'Band',
    album: 'Record',
    media: {
      partId: t.partId,
      partKey: `/library/parts/${t.partId}/1/file.mp3`,
      size: partBytes(t).length,
    },
  };
}

/** A body that arrives in 4 KB pieces and breaks off after `limit` bytes (a dropped connection). */
function cutOff(response: Response, limit: number): Response {
  let sent = 0;
  const whole = response.arrayBuffer().then((b) => new Uint8Array(b));
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const bytes = await whole;
      const end = Math.min(sent + 4096, limit, bytes.length);
      if (sent >= end) return controller.error(new TypeError('connection reset'));
      controller.enqueue(bytes.slice(sent, end));
      sent = end;
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

/** The runner against the fake; `between` runs as the second request is made. */
function run(between: () => void = () => undefined, extra: Partial<RunnerDeps> = {}) {
  let n = 0;
  stop = startDownloadRunner({
    sourceFor: (job) => ({
      url: `${origin}${job.track.media?.partKey ?? ''}?X-Plex-Token=${token}`,
      transcoded: false,
    }),
    corsRefused: async () => false,
    isOnline: () => true,
    whenOnline: () => () => undefined,
    backoffMs: () => 10,
    chunkBytes: CHUNK,
    fetchImpl: async (input, init) => {
      n += 1;
      if (n === 2) between();
      const response = await fake.handle(new Request(String(input), init));
      return n === 1 ? cutOff(response, CUT) : response;
    },
    ...extra,
  });
  store().enqueue({ id: 'track:x', kind: 'track', title: lib.title, serverId: SERVER }, [
    trackOf(lib),
  ]);
}

async function finished(): Promise<Uint8Array> {
  const end = Date.now() + 5_000;
  while (store().jobs[key()]?.status !== 'done') {
    if (Date.now() > end) throw new Error(`not done: ${JSON.stringify(store().jobs[key()])}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const file = await db.readFile(key());
  return new Uint8Array(await (file as Blob).arrayBuffer());
}

/** The same file with every byte changed, optionally another size. */
const anotherVersion = (bytes: Uint8Array, extra = 0) => {
  const next = new Uint8Array(bytes.length + extra);
  next.set(bytes.map((b) => b ^ 0xff));
  return next;
};

beforeEach(async () => {
  fake = createFakePlex(hostnameScenario());
  const server = fake.model.servers[0];
  if (!server) throw new Error('no server');
  lib = server.library.tracks[0] as LibTrack;
  origin = server.connections[0]?.uri ?? '';
  token = server.accessToken;
  await store().removeAll();
  await loadDownloads();
});
afterEach(() => stop());

const validators = (kind: PartValidators) => {
  const server = fake.model.servers[0];
  if (server) setPartValidators(server, kind);
};

describe('resuming a download', () => {
  it('carries on from the saved chunks when the file is the same: each byte fetched once', async () => {
    const original = partBytes(lib);
    run();
    expect(await finished()).toEqual(original);
    expect(partRequests().map((r) => r.headers.range)).toEqual([undefined, `bytes=${SAVED}-`]);
    // No validator from the server: no If-Range (it would name nothing).
    expect(partRequests()[1]?.headers['if-range']).toBeUndefined();
    expect(partRequests()[1]?.status).toBe(206);
  });

  it.each<PartValidators>(['etag', 'last-modified'])(
    'sends If-Range with the %s it was given, and starts over when the file changed',
    async (kind) => {
      validators(kind);
      const first = partBytes(lib);
      const changed = anotherVersion(first);
      run(() => replacePartFile(lib, changed));
      expect(await finished()).toEqual(changed);
      const [, resumed] = partRequests();
      expect(resumed?.headers.range).toBe(`bytes=${SAVED}-`);
      expect(resumed?.headers['if-range']).toMatch(kind === 'etag' ? /^"\d+-0"$/ : /GMT$/);
      // The server's whole new file, kept as it came: nothing of the first version in it.
      expect(resumed?.status).toBe(200);
      expect(partRequests()).toHaveLength(2);
    },
  );

  it('resumes with If-Range when the file is unchanged', async () => {
    validators('etag');
    const original = partBytes(lib);
    run();
    expect(await finished()).toEqual(original);
    expect(partRequests()[1]).toMatchObject({ status: 206 });
    expect(partRequests()[1]?.headers['if-range']).toBe(`"${lib.partId}-0"`);
  });

  it('starts over when a server without validators now has a file of another size', async () => {
    const changed = anotherVersion(partBytes(lib), 1234);
    run(() => replacePartFile(lib, changed));
    expect(await finished()).toEqual(changed);
    // The 206 said another total: dropped, and the whole file fetched again.
    expect(partRequests().map((r) => [r.headers.range, r.status])).toEqual([
      [undefined, 200],
      [`bytes=${SAVED}-`, 206],
      [undefined, 200],
    ]);
  });

  it('starts over when the answer carries another validator though the server ignored If-Range', async () => {
    validators('etag');
    const changed = anotherVersion(partBytes(lib));
    run(undefined, {
      // A proxy that drops If-Range: the server answers the Range of the new file.
      fetchImpl: withoutIfRange(() => replacePartFile(lib, changed)),
    });
    expect(await finished()).toEqual(changed);
    expect(partRequests().map((r) => r.status)).toEqual([200, 206, 200]);
  });

  it('resumes with Range alone where the server’s CORS answer doesn’t allow If-Range', async () => {
    validators('etag');
    const original = partBytes(lib);
    let refused = 0;
    let n = 0;
    run(undefined, {
      // A no-cors request answers (the server is there): the refusal was CORS.
      corsRefused: async () => refused > 0,
      fetchImpl: async (input, init) => {
        n += 1;
        // The browser's preflight for If-Range failed: a network error, nothing reached the server.
        if (new Headers(init?.headers).has('If-Range')) {
          refused += 1;
          throw new TypeError('Failed to fetch');
        }
        const response = await fake.handle(new Request(String(input), init));
        return n === 1 ? cutOff(response, CUT) : response;
      },
    });
    expect(await finished()).toEqual(original);
    expect(refused).toBe(1);
    expect(partRequests().map((r) => [r.headers.range, r.status])).toEqual([
      [undefined, 200],
      [`bytes=${SAVED}-`, 206],
    ]);
    // Not a failed attempt: only the cut-off first answer counted.
    expect(store().jobs[key()]?.attempts).toBe(1);
  });

  it('never appends a whole file sent in answer to a Range (a server that ignores Range)', async () => {
    const original = partBytes(lib);
    run(() => undefined, { fetchImpl: ignoringRange() });
    const kept = await finished();
    expect(kept.length).toBe(original.length);
    expect(kept).toEqual(original);
  });

  it('starts over when the 206 starts somewhere else than the bytes held', async () => {
    const original = partBytes(lib);
    run(() => undefined, { fetchImpl: rangeFrom(1000) });
    expect(await finished()).toEqual(original);
    // Refused on sight and fetched whole at once: never joined, so never found the wrong size.
    expect(store().jobs[key()]?.attempts).toBe(1);
    expect(partRequests().map((r) => r.status)).toEqual([200, 206, 200]);
  });
});

/** The cut-off first answer, then requests passed on with If-Range removed. */
function withoutIfRange(between: () => void): typeof fetch {
  let n = 0;
  return async (input, init) => {
    n += 1;
    if (n === 2) between();
    const headers = new Headers(init?.headers);
    headers.delete('If-Range');
    const response = await fake.handle(new Request(String(input), { ...init, headers }));
    return n === 1 ? cutOff(response, CUT) : response;
  };
}

/** A server that answers every request with the whole file. */
function ignoringRange(): typeof fetch {
  let n = 0;
  return async (input, init) => {
    n += 1;
    const headers = new Headers(init?.headers);
    headers.delete('Range');
    const response = await fake.handle(new Request(String(input), { ...init, headers }));
    return n === 1 ? cutOff(response, CUT) : response;
  };
}

/** A broken server that answers a resumed Range from `start` instead. */
function rangeFrom(start: number): typeof fetch {
  let n = 0;
  return async (input, init) => {
    n += 1;
    const headers = new Headers(init?.headers);
    if (headers.has('Range')) headers.set('Range', `bytes=${start}-`);
    const response = await fake.handle(new Request(String(input), { ...init, headers }));
    return n === 1 ? cutOff(response, CUT) : response;
  };
}
