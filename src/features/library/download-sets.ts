/** Download set ids: one per server and playlist or album, so two servers' "Road Trip"s differ. */
export const playlistSetId = (serverId: string, playlistId: string) =>
  `playlist:${serverId}:${playlistId}`;
export const albumSetId = (serverId: string, albumId: string) => `album:${serverId}:${albumId}`;
