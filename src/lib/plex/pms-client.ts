import { PmsLibrary } from './library';
import { PmsTransport, type PmsTransportOptions } from './transport';

/**
 * A Plex Media Server as the app holds it: one transport (the current connection, the token,
 * failover) and the library's calls on it. Playback and play queues, which only the player and
 * downloads need (loaded after the first paint), are `playbackOf(client)` (playback.ts) and
 * `playQueuesOf(client)` (play-queues.ts): outside this file, so outside the first-load chunk.
 */
export class PmsClient {
  readonly transport: PmsTransport;
  private readonly library: PmsLibrary;

  constructor(options: PmsTransportOptions) {
    this.transport = new PmsTransport(options);
    this.library = new PmsLibrary(this.transport);
  }

  /** The server's machineIdentifier. */
  get machineId(): string {
    return this.transport.machineId;
  }

  // The library's calls, as the screens make them (library.ts says what each asks).
  musicSections: PmsLibrary['musicSections'] = (...args) => this.library.musicSections(...args);
  playlists: PmsLibrary['playlists'] = (...args) => this.library.playlists(...args);
  playlist: PmsLibrary['playlist'] = (...args) => this.library.playlist(...args);
  playlistItems: PmsLibrary['playlistItems'] = (...args) => this.library.playlistItems(...args);
  sectionItems: PmsLibrary['sectionItems'] = (...args) => this.library.sectionItems(...args);
  recentlyAddedAlbums: PmsLibrary['recentlyAddedAlbums'] = (...args) =>
    this.library.recentlyAddedAlbums(...args);
  item: PmsLibrary['item'] = (...args) => this.library.item(...args);
  children: PmsLibrary['children'] = (...args) => this.library.children(...args);
  search: PmsLibrary['search'] = (...args) => this.library.search(...args);
  refreshSection: PmsLibrary['refreshSection'] = (...args) => this.library.refreshSection(...args);
  artworkUrl: PmsLibrary['artworkUrl'] = (...args) => this.library.artworkUrl(...args);
}
