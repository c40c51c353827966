import type * as v from 'valibot';
import { clientParams } from './client-info';
import { isPlexError } from './errors';
import { mapItemsInSlices } from './map-in-slices';
import { listSchema } from './metadata-schemas';
import type { PmsClientOptions } from './pms-client';
import { requestJson, send, type PlexRequest } from './request';

export type Params = Record<string, string | number | undefined>;

/**
 * How every request to a Plex Media Server is made: the current connection (read at call time),
 * X-Plex-* and the server's token as query parameters, failover on a dead connection, paging.
 * PmsClient adds the calls themselves.
 */
export class PmsRequests {
  protected readonly options: PmsClientOptions;

  constructor(options: PmsClientOptions) {
    this.options = options;
  }

  /** The server's machineIdentifier. */
  get machineId(): string {
    return this.options.machineId;
  }

  /** The current connection's origin (read at call time: a failover moves it). */
  origin(): string {
    return this.options.baseUrl();
  }

  params(extra: Params = {}): Params {
    return { ...clientParams(this.options.client), 'X-Plex-Token': this.options.token, ...extra };
  }

  protected async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      this.options.onAnswered?.();
      return result;
    } catch (error) {
      if (isPlexError(error, 'unreachable') || isPlexError(error, 'timeout'))
        this.options.onUnreachable?.();
      if (isPlexError(error, 'unauthorized')) this.options.onRefused?.();
      throw error;
    }
  }

  get<S extends v.GenericSchema>(
    schema: S,
    path: string,
    extra: Params = {},
    signal?: AbortSignal,
  ) {
    return this.json(schema, path, extra, { signal });
  }

  /** A call that answers JSON; POST/PUT/DELETE too (play queues answer with the queue). */
  json<S extends v.GenericSchema>(
    schema: S,
    path: string,
    extra: Params = {},
    { method = 'GET', signal }: { method?: PlexRequest['method']; signal?: AbortSignal } = {},
  ) {
    return this.guard(() =>
      requestJson(
        schema,
        {
          url: `${this.options.baseUrl()}${path}`,
          method,
          params: this.params(extra),
          signal,
          timeoutMs: this.options.timeoutMs ?? 15_000,
        },
        this.options.fetchImpl,
      ),
    );
  }

  protected async page<K extends 'track' | 'artist' | 'album'>(
    kind: K,
    path: string,
    start: number,
    size: number,
    extra: Params,
    signal?: AbortSignal,
  ) {
    const body = await this.get(
      listSchema,
      path,
      { ...extra, 'X-Plex-Container-Start': start, 'X-Plex-Container-Size': size },
      signal,
    );
    const mc = body.MediaContainer;
    const raw = mc.Metadata.length;
    // Pages run to thousands of items: mapped in slices, so a tap or a frame never waits long.
    const mapped = await mapItemsInSlices(kind, mc.Metadata);
    // A server may ignore paging and answer the whole list: then this page is everything.
    const ignoredPaging = (mc.offset === undefined && mc.totalSize === undefined) || raw > size;
    const total = ignoredPaging ? raw : (mc.totalSize ?? start + raw);
    const next = start + raw;
    return {
      items: mapped.items,
      skipped: mapped.skipped,
      start,
      next,
      total,
      complete: ignoredPaging || raw === 0 || next >= total,
    };
  }

  async fire(
    path: string,
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    extra: Params = {},
  ): Promise<void> {
    await this.guard(() =>
      send(
        {
          url: `${this.options.baseUrl()}${path}`,
          method,
          params: this.params(extra),
          timeoutMs: 10_000,
        },
        this.options.fetchImpl,
      ),
    );
  }
}
