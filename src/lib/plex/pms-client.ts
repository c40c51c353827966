import type * as v from 'valibot';
import type { MusicSection } from '../../domain';
import { isPlexError } from './errors';
import { clientParams, type PlexClientInfo } from './client-info';
import { requestJson, type FetchLike } from './request';
import { identitySchema, sectionsSchema } from './schemas';

export interface PmsClientOptions {
  client: PlexClientInfo;
  /** The server's own accessToken. */
  token: string;
  /** Read at call time, so a failover takes effect on the next request. */
  baseUrl: () => string;
  fetchImpl?: FetchLike;
  timeoutMs?: number;
  /** Told when the current connection stops answering, so the owner can re-probe and fail over. */
  onUnreachable?: () => void;
}

/** `/identity` needs no token: it is how a connection proves which server answers it. */
export async function fetchIdentity(
  baseUrl: string,
  client: PlexClientInfo,
  options: { signal?: AbortSignal; timeoutMs?: number; fetchImpl?: FetchLike } = {},
): Promise<{ machineIdentifier: string; version?: string }> {
  const body = await requestJson(
    identitySchema,
    {
      url: `${baseUrl}/identity`,
      params: { 'X-Plex-Client-Identifier': client.clientId },
      signal: options.signal,
      timeoutMs: options.timeoutMs,
    },
    options.fetchImpl,
  );
  return body.MediaContainer;
}

/** A Plex Media Server, reached through whichever connection is current. */
export class PmsClient {
  private readonly options: PmsClientOptions;

  constructor(options: PmsClientOptions) {
    this.options = options;
  }

  private params(extra: Record<string, string | number | undefined> = {}) {
    return { ...clientParams(this.options.client), 'X-Plex-Token': this.options.token, ...extra };
  }

  private async get<S extends v.GenericSchema>(schema: S, path: string, signal?: AbortSignal) {
    try {
      return await requestJson(
        schema,
        {
          url: `${this.options.baseUrl()}${path}`,
          params: this.params(),
          signal,
          timeoutMs: this.options.timeoutMs ?? 15_000,
        },
        this.options.fetchImpl,
      );
    } catch (error) {
      if (isPlexError(error, 'unreachable') || isPlexError(error, 'timeout'))
        this.options.onUnreachable?.();
      throw error;
    }
  }

  async musicSections(signal?: AbortSignal): Promise<MusicSection[]> {
    const body = await this.get(sectionsSchema, '/library/sections', signal);
    return body.MediaContainer.Directory.filter((d) => d.type === 'artist').map((d) => ({
      key: d.key,
      title: d.title,
      uuid: d.uuid,
      updatedAt: d.updatedAt,
    }));
  }
}
