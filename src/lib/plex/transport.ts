import type * as v from 'valibot';
import { clientParams, type PlexClientInfo } from './client-info';
import { isPlexError } from './errors';
import { buildUrl } from './urls';
import { requestJson, send, type FetchLike, type PlexRequest } from './request';

export type Params = Record<string, string | number | undefined>;

export interface PmsTransportOptions {
  client: PlexClientInfo;
  /** The server's machineIdentifier (play queues name items by it). */
  machineId: string;
  /** The server's own accessToken. */
  token: string;
  /** Read at call time, so a failover takes effect on the next request. */
  baseUrl: () => string;
  fetchImpl?: FetchLike;
  timeoutMs?: number;
  /** Told when the current connection stops answering, so the owner can re-probe and fail over. */
  onUnreachable?: () => void;
  /** Told when a request was answered (a failure soon after is news). */
  onAnswered?: () => void;
  /** Told of a readable 401: the server no longer takes this token. */
  onRefused?: () => void;
}

/**
 * How every request to one Plex Media Server is made: the current connection (read at call time),
 * X-Plex-* and the server's token as query parameters, timeouts, and what a failure tells the
 * owner (failover, a refused token). Timeouts, 429 and the errors themselves are request.ts's;
 * retries are the caller's (lib/retry-policy.ts). The endpoint modules (library.ts,
 * play-queues.ts, playback.ts) make their calls through one of these.
 */
export class PmsTransport {
  private readonly options: PmsTransportOptions;

  constructor(options: PmsTransportOptions) {
    this.options = options;
  }

  /** The server's machineIdentifier. */
  get machineId(): string {
    return this.options.machineId;
  }

  /**
   * A URL on the current connection with X-Plex-* and the token: for the audio element, the
   * artwork worker or the service worker, never stored or shown.
   */
  url(path: string, extra: Params = {}): string {
    return buildUrl(`${this.options.baseUrl()}${path}`, this.params(extra));
  }

  /** The current connection's origin (read at call time: a failover moves it). */
  origin(): string {
    return this.options.baseUrl();
  }

  params(extra: Params = {}): Params {
    return { ...clientParams(this.options.client), 'X-Plex-Token': this.options.token, ...extra };
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
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

  /** A call whose answer says nothing the app needs: sent, and its status checked. */
  async fire(
    path: string,
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    extra: Params = {},
    timeoutMs = 10_000,
  ): Promise<void> {
    await this.guard(() =>
      send(
        { url: `${this.options.baseUrl()}${path}`, method, params: this.params(extra), timeoutMs },
        this.options.fetchImpl,
      ),
    );
  }
}
