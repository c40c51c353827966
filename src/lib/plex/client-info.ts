/** Who PlexM8 says it is on every call (X-Plex-* values). */
export interface PlexClientInfo {
  clientId: string;
  product: string;
  version: string;
  platform: string;
  device: string;
  deviceName: string;
}

/**
 * X-Plex-* go in the query string, never as headers: as headers they are not CORS-safelisted
 * and force a preflight, which plex.tv has been seen to fail from browsers (docs/plex-api.md).
 */
export function clientParams(info: PlexClientInfo): Record<string, string> {
  return {
    'X-Plex-Client-Identifier': info.clientId,
    'X-Plex-Product': info.product,
    'X-Plex-Version': info.version,
    'X-Plex-Platform': info.platform,
    'X-Plex-Device': info.device,
    'X-Plex-Device-Name': info.deviceName,
  };
}

/** A readable device description from the browser's user agent, for Plex's device list. */
export function describeBrowser(userAgent: string): { platform: string; device: string } {
  const platform = /Firefox\//.test(userAgent)
    ? 'Firefox'
    : /Edg\//.test(userAgent)
      ? 'Edge'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Web';
  const device = /iPhone|iPad/.test(userAgent)
    ? 'iOS'
    : /Android/.test(userAgent)
      ? 'Android'
      : /Mac OS X/.test(userAgent)
        ? 'macOS'
        : /Windows/.test(userAgent)
          ? 'Windows'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : 'Browser';
  return { platform, device };
}
