import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Artist } from '../../domain';
import {
  clearPersistedQueries,
  persistQueries,
  savedQueriesUnder,
} from '../../lib/query-persister';
import { queriesSaved } from '../../testing/queries-saved';
import { createSavedSearch, type SavedSearchReply } from './saved-search-engine';

const artists = (...titles: string[]): Artist[] =>
  titles.map((title, i) => ({ id: `${i}`, title }));

beforeEach(async () => {
  await clearPersistedQueries();
  const qc = new QueryClient({ defaultOptions: { queries: { persister: persistQueries } } });
  await qc.fetchQuery({
    queryKey: ['pms', 1, 'srv', 'section', '1', 'artists', 'titleSort', 0],
    queryFn: () => ({ items: artists('Björk', 'Blur', 'Boards of Canada') }),
  });
  // Another server's, and a saved search: neither is searched.
  await qc.fetchQuery({
    queryKey: ['pms', 1, 'other', 'section', '1', 'artists', 'titleSort', 0],
    queryFn: () => ({ items: artists('Bjørn Other') }),
  });
  await qc.fetchQuery({
    queryKey: ['pms', 1, 'srv', 'search', '1', 'bj'],
    queryFn: () => ({ artists: artists('Bjarne Stale'), albums: [], tracks: [] }),
  });
  await queriesSaved();
});

function start() {
  const replies: SavedSearchReply[] = [];
  const handle = createSavedSearch((r) => replies.push(r));
  handle({ type: 'build', at: savedQueriesUnder(['pms', 1, 'srv']) });
  return { replies, handle };
}

describe('the offline search engine', () => {
  it("indexes one server's saved lists, and answers the query typed last, once", async () => {
    const { replies, handle } = start();
    // Typed while the index is still being made, faster than it answers.
    for (const [seq, q] of ['b', 'bj', 'bjo', 'bjork'].entries())
      handle({ type: 'query', seq, q, limit: 10 });
    await vi.waitFor(() => expect(replies.map((r) => r.type)).toEqual(['ready', 'results']));
    // Once: a query after it is the next answer, with no second answer to 'bjork' before it.
    handle({ type: 'query', seq: 4, q: 'blur', limit: 10 });
    await vi.waitFor(() => expect(replies).toHaveLength(3));
    expect(replies[2]?.type === 'results' && replies[2].q).toBe('blur');
    const [ready, results] = replies;
    expect(ready?.type === 'ready' && ready.size).toBe(3);
    if (results?.type !== 'results') throw new Error('no results');
    expect(results.q).toBe('bjork');
    expect(results.seq).toBe(3);
    expect(results.results.artists.map((a) => a.title)).toEqual(['Björk']);
  });

  it('answers each query that arrives after the last was answered', async () => {
    const { replies, handle } = start();
    const answers = () => replies.filter((r) => r.type === 'results').length;
    await vi.waitFor(() => expect(replies.map((r) => r.type)).toEqual(['ready']));
    handle({ type: 'query', seq: 1, q: 'blur', limit: 10 });
    await vi.waitFor(() => expect(answers()).toBe(1));
    handle({ type: 'query', seq: 2, q: 'canada', limit: 10 });
    handle({ type: 'query', seq: 3, q: 'zzz', limit: 10 });
    await vi.waitFor(() => expect(answers()).toBe(2));
    const answered = replies.flatMap((r) =>
      r.type === 'results' ? [[r.q, r.results.artists.map((a) => a.title)]] : [],
    );
    expect(answered).toEqual([
      ['blur', ['Blur']],
      ['zzz', []],
    ]);
  });
});
