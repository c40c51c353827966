import { createSavedSearch, type SavedSearchRequest } from './saved-search-engine';

/**
 * Offline search off the page: reading 185,000 saved items out of IndexedDB and folding their
 * names, and then each query over them, would hold the page (docs/decisions/020 has the times).
 */
const handle = createSavedSearch((reply) => postMessage(reply));
addEventListener('message', (event: MessageEvent<SavedSearchRequest>) => handle(event.data));
