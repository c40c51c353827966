import type { SearchResults } from '../../domain';
import { readSavedQueries, type SavedQueriesAt } from '../../lib/saved-queries';
import { SearchIndex } from './search-index';

export type SavedSearchRequest =
  { type: 'build'; at: SavedQueriesAt } | { type: 'query'; seq: number; q: string; limit: number };
export type SavedSearchReply =
  /** How long reading what was saved and indexing it took (the bench reports them). */
  | { type: 'ready'; size: number; readMs: number; indexMs: number }
  | { type: 'failed' }
  | { type: 'results'; seq: number; q: string; results: SearchResults; ms: number };

/**
 * The offline search, wherever it runs (a worker in browsers, the page where there are no
 * workers): builds the index from what PlexM8 saved, then answers queries. Only the latest query
 * is answered: queries that arrive while one is being answered (or while the index is built)
 * replace each other, so fast typing never queues work.
 */
export function createSavedSearch(reply: (r: SavedSearchReply) => void) {
  let index: SearchIndex | null = null;
  let latest: Extract<SavedSearchRequest, { type: 'query' }> | null = null;
  let scheduled = false;

  const answer = () => {
    scheduled = false;
    if (!index || !latest) return;
    const { seq, q, limit } = latest;
    latest = null;
    const started = performance.now();
    const results = index.query(q, limit);
    reply({ type: 'results', seq, q, results, ms: performance.now() - started });
  };
  // A task of its own: the messages already queued behind this one are read first.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(answer, 0);
  };

  return (request: SavedSearchRequest): void => {
    if (request.type === 'query') {
      latest = request;
      schedule();
      return;
    }
    const building = new SearchIndex();
    const started = performance.now();
    let read = 0;
    readSavedQueries(request.at, (data, key) => {
      read ||= performance.now();
      if (!key.includes('search')) building.addData(data);
    }).then(
      () => {
        building.prepare();
        index = building;
        const now = performance.now();
        read ||= now;
        reply({ type: 'ready', size: building.size, readMs: read - started, indexMs: now - read });
        schedule();
      },
      () => reply({ type: 'failed' }),
    );
  };
}
