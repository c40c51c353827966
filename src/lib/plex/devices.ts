/**
 * plex.tv's device list (`GET /devices.xml`, XML only): each device this account signed in
 * from, with its numeric `id` and the `clientIdentifier` it sent (docs/plex-api.md "Devices").
 * The id of ours, or null when this browser isn't listed (already removed).
 */
export function deviceIdOf(xml: string, clientId: string): string | null {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return null;
  for (const device of Array.from(doc.getElementsByTagName('Device'))) {
    const id = device.getAttribute('id');
    if (device.getAttribute('clientIdentifier') === clientId && id && /^\d+$/.test(id)) return id;
  }
  return null;
}
