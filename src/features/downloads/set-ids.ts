/** Download set ids: one per server and playlist or album, so two servers' "Road Trip"s differ. */
export const playlistSetId = (serverId: string, playlistId: string) =>
  `playlist:${serverId}:${playlistId}`;
export const albumSetId = (serverId: string, albumId: string) => `album:${serverId}:${albumId}`;

/** The playlist or album id inside a set id made above (null for another kind or server). */
export function itemIdOf(setId: string, kind: 'playlist' | 'album', serverId: string) {
  const prefix = `${kind}:${serverId}:`;
  return setId.startsWith(prefix) ? setId.slice(prefix.length) : null;
}
/** A track downloaded on its own (a row's menu). */
export const trackSetId = (serverId: string, trackId: string) => `track:${serverId}:${trackId}`;
