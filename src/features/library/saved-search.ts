import { useEffect, useRef, useState } from 'react';
import type { SearchResults } from '../../domain';
import type { PmsAccess } from '../../lib/plex-context';
import { savedQueriesUnder } from '../../lib/query-persister';
import { libraryKeys } from './queries';
import {
  createSavedSearch,
  type SavedSearchReply,
  type SavedSearchRequest,
} from './saved-search-engine';

type Scope = Pick<PmsAccess, 'userId' | 'serverId'>;

/** As many of each kind as the server is asked for (pms-client search). */
const SEARCH_LIMIT = 30;

export interface SavedSearch {
  /** The saved items searched, once the index is ready; null while it is being made. */
  size: number | null;
  failed: boolean;
  /** "read,index" milliseconds, for the bench. */
  timing?: string;
  /** The latest answer, and the query it answers (never an older query's once a newer one is). */
  answer: { q: string; results: SearchResults; ms: number } | null;
}

interface Host {
  post(request: SavedSearchRequest): void;
  stop(): void;
}

/** A worker where there is one (browsers), the page where there isn't (jsdom tests). */
function startHost(onReply: (reply: SavedSearchReply) => void): Host {
  if (typeof Worker === 'undefined') {
    let stopped = false;
    const handle = createSavedSearch((reply) => {
      if (!stopped) onReply(reply);
    });
    return { post: handle, stop: () => void (stopped = true) };
  }
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), {
    type: 'module',
    name: 'search',
  });
  worker.addEventListener('message', (event: MessageEvent<SavedSearchReply>) =>
    onReply(event.data),
  );
  worker.addEventListener('error', () => onReply({ type: 'failed' }));
  return { post: (request) => worker.postMessage(request), stop: () => worker.terminate() };
}

/**
 * Search over what PlexM8 has saved of this server, for when the server can't be asked. Nothing
 * happens until it is `active`: the index is made then, off the page, so it never slows the
 * start. It is let go with the screen (its memory with it), and made afresh next time.
 */
export function useSavedSearch(scope: Scope, q: string, active: boolean): SavedSearch {
  const [state, setState] = useState<SavedSearch>({ size: null, failed: false, answer: null });
  const host = useRef<Host | null>(null);
  const asked = useRef(0);
  const latest = useRef(q);
  const { userId, serverId } = scope;

  // Before the host's effect, so a new index is asked what is in the box now.
  useEffect(() => {
    latest.current = q;
  }, [q]);

  useEffect(() => {
    if (!active) return;
    const started = startHost((reply) => {
      if (reply.type === 'ready')
        setState((s) => ({
          ...s,
          size: reply.size,
          timing: `${Math.round(reply.readMs)},${Math.round(reply.indexMs)}`,
        }));
      else if (reply.type === 'failed') setState((s) => ({ ...s, failed: true }));
      else if (reply.seq === asked.current)
        setState((s) => ({
          ...s,
          answer: { q: reply.q, results: reply.results, ms: reply.ms },
        }));
    });
    started.post({ type: 'build', at: savedQueriesUnder(libraryKeys.all({ userId, serverId })) });
    host.current = started;
    // A new index (another server, or the fallback just begun) answers what is in the box now.
    if (latest.current) {
      asked.current += 1;
      started.post({ type: 'query', seq: asked.current, q: latest.current, limit: SEARCH_LIMIT });
    }
    return () => {
      started.stop();
      host.current = null;
      setState({ size: null, failed: false, answer: null });
    };
  }, [active, userId, serverId]);

  useEffect(() => {
    if (!active || !q) return;
    asked.current += 1;
    host.current?.post({ type: 'query', seq: asked.current, q, limit: SEARCH_LIMIT });
  }, [active, q]);

  return state;
}
