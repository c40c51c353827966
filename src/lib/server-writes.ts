/**
 * Writes to a Plex server are react-query mutations (docs/decisions/024). Each kind has its own
 * mutation key, so the function that sends it is a default of the query client
 * (`setMutationDefaults`, app/server-writes.ts): a write paused offline and saved can be sent
 * after a reload, when no component that started it is there.
 *
 * Variables name the user and server by id and carry nothing else secret: they are saved as they
 * are. The token and the connection are found when the write is sent.
 */
export const writeKeys = {
  all: ['pms-write'] as const,
  rate: ['pms-write', 'rate'] as const,
  scan: ['pms-write', 'scan'] as const,
};

/**
 * Where the unanswered writes are kept on the device (lib/saved-writes.ts): a record each, under
 * this prefix. The bare key is the whole list as versions before 7 December kept it.
 */
export const SAVED_WRITES_KEY = 'server-writes-pending';
export const SAVED_WRITES_PREFIX = `${SAVED_WRITES_KEY}/`;

export type WriteKind = 'rate' | 'scan';

interface OnServer {
  userId: number;
  /** The server's machineIdentifier. */
  serverId: string;
}

/** A star rating, 0–10 (five stars = 10), or null to clear it. */
export interface RateTrack extends OnServer {
  trackId: string;
  /** Shown in a refusal's message. */
  title: string;
  rating: number | null;
}

/** A library scan for new files. */
export interface ScanSection extends OnServer {
  sectionKey: string;
}

/** What a rating replaced: put back if the server refuses it. */
export interface RateUndo {
  previous: number | null;
}

/** Writes to the same thing go one after another (TanStack mutation `scope`). */
export const rateScope = (v: Pick<RateTrack, 'serverId' | 'trackId'>) => ({
  id: `rate ${v.serverId} ${v.trackId}`,
});
