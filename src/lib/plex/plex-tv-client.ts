import type { PlexPin, PlexServer, PlexUser } from '../../domain';
import { clientParams, type PlexClientInfo } from './client-info';
import { mapResources } from './map-resources';
import { deviceIdOf } from './devices';
import { readText, requestJson, send, type FetchLike } from './request';
import { pinSchema, resourcesSchema, userSchema } from './schemas';

interface PlexTvEndpoints {
  plexTv: string;
  clients: string;
  app: string;
}

export interface PlexTvClientOptions {
  endpoints: PlexTvEndpoints;
  client: PlexClientInfo;
  fetchImpl?: FetchLike;
  timeoutMs?: number;
}

/** Plex's default lifetime for a PIN (SPEC `AuthPinContainer.expiresIn`). */
const DEFAULT_PIN_SECONDS = 900;

/**
 * Expiry is measured from the moment the answer arrived, by plex.tv's own countdown
 * (`expiresIn`): comparing its `expiresAt` with this device's clock would end a sign-in at once
 * on a device whose clock runs hours ahead (docs/plex-api.md).
 */
function toPin(
  raw: { id: number; code: string; authToken: string | null; expiresIn?: number },
  receivedAt: number,
): PlexPin {
  return {
    id: raw.id,
    code: raw.code,
    authToken: raw.authToken || null,
    expiresIn: raw.expiresIn ?? DEFAULT_PIN_SECONDS,
    receivedAt,
  };
}

/** plex.tv: PIN sign-in, the account, and the servers it can reach. */
export class PlexTvClient {
  private readonly options: PlexTvClientOptions;

  constructor(options: PlexTvClientOptions) {
    this.options = options;
  }

  private params(extra: Record<string, string | number | undefined> = {}) {
    return { ...clientParams(this.options.client), ...extra };
  }

  private get common() {
    return { timeoutMs: this.options.timeoutMs ?? 15_000 };
  }

  /** A strong PIN: the user approves it on app.plex.tv, which then forwards back to us. */
  async createPin(signal?: AbortSignal): Promise<PlexPin> {
    const raw = await requestJson(
      pinSchema,
      {
        url: `${this.options.endpoints.plexTv}/api/v2/pins`,
        method: 'POST',
        params: this.params({ strong: 'true' }),
        signal,
        ...this.common,
      },
      this.options.fetchImpl,
    );
    return toPin(raw, Date.now());
  }

  async checkPin(id: number, signal?: AbortSignal): Promise<PlexPin> {
    const raw = await requestJson(
      pinSchema,
      {
        url: `${this.options.endpoints.plexTv}/api/v2/pins/${id}`,
        params: this.params(),
        signal,
        ...this.common,
      },
      this.options.fetchImpl,
    );
    return toPin(raw, Date.now());
  }

  /** The app.plex.tv page where the user approves a PIN; its parameters live in the fragment. */
  authUrl(pin: Pick<PlexPin, 'code'>, forwardUrl: string): string {
    const fragment = new URLSearchParams({
      clientID: this.options.client.clientId,
      code: pin.code,
      'context[device][product]': this.options.client.product,
      forwardUrl,
    });
    return `${this.options.endpoints.app}/auth#?${fragment.toString()}`;
  }

  /** 200 means the token is good, 401 (PlexError 'unauthorized') means it is not. */
  async getUser(token: string, signal?: AbortSignal): Promise<PlexUser> {
    const raw = await requestJson(
      userSchema,
      {
        url: `${this.options.endpoints.plexTv}/api/v2/user`,
        params: this.params({ 'X-Plex-Token': token }),
        signal,
        ...this.common,
      },
      this.options.fetchImpl,
    );
    return {
      id: raw.id,
      uuid: raw.uuid,
      username: raw.username,
      title: raw.title || raw.username || 'Plex user',
      email: raw.email,
      thumb: raw.thumb,
    };
  }

  async getServers(
    token: string,
    signal?: AbortSignal,
  ): Promise<{ servers: PlexServer[]; skipped: number }> {
    const devices = await requestJson(
      resourcesSchema,
      {
        url: `${this.options.endpoints.clients}/api/v2/resources`,
        params: this.params({
          includeHttps: 1,
          includeRelay: 1,
          includeIPv6: 1,
          'X-Plex-Token': token,
        }),
        signal,
        ...this.common,
      },
      this.options.fetchImpl,
    );
    return mapResources(devices, token);
  }

  /**
   * Removes this browser from the account's devices, which ends its token on plex.tv (what
   * python-plexapi's `MyPlexDevice.delete()` does). Not in Plex's published API, and a browser
   * may be refused it (CORS on a DELETE): the caller tells the user where to do it by hand.
   */
  async forgetThisDevice(token: string, signal?: AbortSignal): Promise<void> {
    const params = this.params({ 'X-Plex-Token': token });
    const listing = {
      url: `${this.options.endpoints.plexTv}/devices.xml`,
      params,
      signal,
      ...this.common,
    };
    const list = await send(listing, this.options.fetchImpl);
    const id = deviceIdOf(await readText(list, listing), this.options.client.clientId);
    if (id === null) return;
    await send(
      {
        url: `${this.options.endpoints.plexTv}/devices/${id}.xml`,
        method: 'DELETE',
        params,
        signal,
        ...this.common,
      },
      this.options.fetchImpl,
    );
  }
}
