import { createListWriter } from './query-write-handler';
import type { WriteRequest } from './query-write-shape';

/**
 * Writes a long list into the query cache off the page: a 20,000-track playlist cloned for
 * IndexedDB on the page was one long task (docs/decisions/025).
 */
const handle = createListWriter((reply) => postMessage(reply));
addEventListener('message', (event: MessageEvent<WriteRequest>) => handle(event.data));
