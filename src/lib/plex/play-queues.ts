import * as v from 'valibot';
import type { PmsClient } from './pms-client';
import type { PmsTransport } from './transport';

/**
 * Plex's server-side play queues (docs/plex-api.md "Play queues"): what Plex's "Now Playing"
 * and other devices see of what PlexM8 plays. Answers are a window of a big queue: the items
 * returned, and where the first of them sits in the whole queue.
 */
export type PlayQueueSource =
  | { kind: 'playlist'; id: string }
  | { kind: 'album'; id: string }
  | { kind: 'tracks'; ids: readonly string[] };

export interface PlayQueueWindow {
  queueId: number;
  totalCount: number;
  /** Offset in the whole queue of `items[0]`. */
  firstOffset: number;
  items: Array<{ itemId: number; trackId: string }>;
}

const id = v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number))]);
const key = v.union([v.string(), v.pipe(v.number(), v.transform(String))]);

const queueSchema = v.looseObject({
  MediaContainer: v.looseObject({
    playQueueID: id,
    playQueueSelectedItemID: v.optional(id),
    playQueueSelectedItemOffset: v.optional(id),
    playQueueTotalCount: v.optional(id),
    Metadata: v.optional(v.array(v.looseObject({ playQueueItemID: id, ratingKey: key })), []),
  }),
});

type QueueBody = v.InferOutput<typeof queueSchema>;

/** Where the window sits: the selected item (or `anchor`) is at a known offset. */
function toWindow(body: QueueBody, anchor?: { itemId: number; offset: number }): PlayQueueWindow {
  const mc = body.MediaContainer;
  const items = mc.Metadata.map((m) => ({ itemId: m.playQueueItemID, trackId: m.ratingKey }));
  const at = (itemId: number | undefined) => items.findIndex((i) => i.itemId === itemId);
  let firstOffset = 0;
  if (anchor && at(anchor.itemId) >= 0) firstOffset = anchor.offset - at(anchor.itemId);
  else if (mc.playQueueSelectedItemOffset !== undefined && at(mc.playQueueSelectedItemID) >= 0)
    firstOffset = mc.playQueueSelectedItemOffset - at(mc.playQueueSelectedItemID);
  return {
    queueId: mc.playQueueID,
    totalCount: mc.playQueueTotalCount ?? items.length,
    firstOffset,
    items,
  };
}

/** `server://…` uris name library items on one server (python-plexapi `PlayQueue.create`). */
function sourceUri(machineId: string, source: PlayQueueSource): string {
  const base = `server://${machineId}/com.plexapp.plugins.library`;
  if (source.kind === 'playlist') return `${base}/playlists/${source.id}/items`;
  if (source.kind === 'album') return `${base}/library/metadata/${source.id}`;
  return `${base}/library/metadata/${source.ids.join(',')}`;
}

export class PmsPlayQueues {
  constructor(private readonly transport: PmsTransport) {}

  /** A new queue of `source`, with `startTrackId` selected (the tapped track). */
  async create(
    source: PlayQueueSource,
    startTrackId: string | undefined,
  ): Promise<PlayQueueWindow> {
    const body = await this.transport.json(
      queueSchema,
      '/playQueues',
      {
        type: 'audio',
        uri: sourceUri(this.transport.machineId, source),
        playlistID: source.kind === 'playlist' ? source.id : undefined,
        key: startTrackId ? `/library/metadata/${startTrackId}` : undefined,
        shuffle: 0,
        repeat: 0,
        continuous: 0,
        own: 1,
      },
      { method: 'POST' },
    );
    return toWindow(body);
  }

  /** The items from `anchor` (an item whose offset is known) on. */
  async itemsAfter(
    queueId: number,
    anchor: { itemId: number; offset: number },
    count: number,
  ): Promise<PlayQueueWindow> {
    const body = await this.transport.get(queueSchema, `/playQueues/${queueId}`, {
      center: anchor.itemId,
      window: count,
      includeBefore: 0,
      includeAfter: 1,
      own: 1,
    });
    return toWindow(body, anchor);
  }

  /** Appends tracks at the end (their item ids come with the next itemsAfter). */
  async append(queueId: number, trackIds: readonly string[]): Promise<void> {
    await this.transport.fire(`/playQueues/${queueId}`, 'PUT', {
      uri: sourceUri(this.transport.machineId, { kind: 'tracks', ids: trackIds }),
      next: 0,
    });
  }

  /** Moves an item to just after `afterItemId` (null: to the front). */
  async move(queueId: number, itemId: number, afterItemId: number | null): Promise<void> {
    await this.transport.fire(`/playQueues/${queueId}/items/${itemId}/move`, 'PUT', {
      after: afterItemId ?? undefined,
    });
  }

  async remove(queueId: number, itemId: number): Promise<void> {
    await this.transport.fire(`/playQueues/${queueId}/items/${itemId}`, 'DELETE');
  }
}

const queues = new WeakMap<PmsTransport, PmsPlayQueues>();

/** A server's play-queue calls (kept off PmsClient for the same reason as playbackOf). */
export function playQueuesOf({ transport }: PmsClient): PmsPlayQueues {
  let found = queues.get(transport);
  if (!found) queues.set(transport, (found = new PmsPlayQueues(transport)));
  return found;
}
