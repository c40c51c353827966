import { QueryClient } from '@tanstack/react-query';
import { createStore, keys } from 'idb-keyval';
import { expect, vi } from 'vitest';
import { persistQueries } from '../lib/query-persister';
import { storageName } from '../lib/storage-names';

/** Where a marker query is saved: tests that list the saved queries leave these out. */
export const MARKER_PREFIX = 'tanstack-query-["saved-marker"';
let markers = 0;

/**
 * Resolves once every query fetched before it has had its save: the persister writes in the order
 * queries were fetched (a timer each, then one store), so a marker query fetched now and seen on
 * disk means the earlier writes (or their absence) are final. A test that checks something was
 * NOT saved waits for this, not for a stretch of time that a loaded machine can outlast.
 */
export async function queriesSaved(): Promise<void> {
  markers += 1;
  const queryKey = ['saved-marker', markers];
  const client = new QueryClient({
    defaultOptions: { queries: { persister: persistQueries, retry: false } },
  });
  await client.fetchQuery({ queryKey, queryFn: () => markers });
  const store = createStore(storageName('query-cache'), 'queries');
  const key = `tanstack-query-${JSON.stringify(queryKey)}`;
  await vi.waitFor(async () => expect(await keys<string>(store)).toContain(key));
}
