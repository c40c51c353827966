import { QueryClient } from '@tanstack/react-query';
import { createStore, get, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearPersistedQueries, persistQueries, savedQueriesUnder } from './query-persister';
import { readSavedQueries } from './saved-queries';
import { storageName } from './storage-names';
import { queriesSaved } from '../testing/queries-saved';

const client = () =>
  new QueryClient({ defaultOptions: { queries: { persister: persistQueries, retry: false } } });
const settle = queriesSaved;

beforeEach(async () => {
  await clearPersistedQueries();
});

async function read(prefix: readonly unknown[], now?: number) {
  const found: unknown[] = [];
  await readSavedQueries(savedQueriesUnder(prefix), (data) => found.push(data), now);
  return found;
}

describe('reading saved queries where the persister wrote them', () => {
  it("reads one server's saved queries and nobody else's", async () => {
    const qc = client();
    await qc.fetchQuery({ queryKey: ['pms', 1, 'srv', 'a'], queryFn: () => 'mine' });
    await qc.fetchQuery({ queryKey: ['pms', 1, 'srv', 'b', 2], queryFn: () => ['also mine'] });
    await qc.fetchQuery({ queryKey: ['pms', 1, 'srv2', 'a'], queryFn: () => 'other server' });
    await qc.fetchQuery({ queryKey: ['pms', 2, 'srv', 'a'], queryFn: () => 'other user' });
    await settle();
    expect((await read(['pms', 1, 'srv'])).sort()).toEqual([['also mine'], 'mine']);
  });

  it('skips a copy another build wrote, and one past its age', async () => {
    await client().fetchQuery({ queryKey: ['pms', 1, 'srv', 'a'], queryFn: () => 'fresh' });
    await settle();
    const store = createStore(storageName('query-cache'), 'queries');
    const key = 'tanstack-query-["pms",1,"srv","a"]';
    const saved = await get<Record<string, unknown>>(key, store);
    await set('tanstack-query-["pms",1,"srv","b"]', { ...saved, buster: 'newer' }, store);
    expect(await read(['pms', 1, 'srv'])).toEqual(['fresh']);
    expect(await read(['pms', 1, 'srv'], Date.now() + 8 * 24 * 60 * 60_000)).toEqual([]);
  });
});
