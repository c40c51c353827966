import { createSavedSearch, type SavedSearchRequest } from './saved-search-engine';

/**
 * Offline search off the page: reading 185,000 saved items out of IndexedDB and folding their
 * names takes seconds, and a query over them tens of milliseconds (docs/decisions/020).
 */
const handle = createSavedSearch((reply) => postMessage(reply));
addEventListener('message', (event: MessageEvent<SavedSearchRequest>) => handle(event.data));
