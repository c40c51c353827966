import { render, type RenderResult } from '@testing-library/react';
import { onlineManager, type QueryClient } from '@tanstack/react-query';
import { clear } from 'idb-keyval';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { App } from '../../src/app/app';
import { loadDownloads } from '../../src/features/downloads/load';
import { createQueryClient } from '../../src/app/query-client';
import { useSessionStore } from '../../src/features/auth';
import { useServersStore } from '../../src/features/servers';
import { useLibraryStore } from '../../src/features/library/library-store';
import { clearPersistedQueries } from '../../src/lib/query-persister';
import { forgetArtwork } from '../../src/lib/artwork';
import { appStore, idbSet } from '../../src/lib/idb';
import { PlexTvClient } from '../../src/lib/plex/plex-tv-client';
import type { PlexClientInfo } from '../../src/lib/plex/client-info';
import { createFakePlex, type FakePlex } from '../fake-plex/handler';
import { fakePlexHandlers, originsOf } from '../fake-plex/msw';
import { hostnameScenario } from '../fake-plex/scenarios';

const clientInfo: PlexClientInfo = {
  clientId: 'integration-client-id',
  product: 'PlexM8',
  version: 'test',
  platform: 'Chrome',
  device: 'Linux',
  deviceName: 'PlexM8 test',
};

const endpoints = {
  plexTv: 'https://plex.tv',
  clients: 'https://clients.plex.tv',
  app: 'https://app.plex.tv',
};

/** MSW server for one test file; each test gets a fresh fake Plex through `useFake`. */
export const mswServer = setupServer();
let current: FakePlex | null = null;

function freshFake(): FakePlex {
  current = createFakePlex(hostnameScenario());
  mswServer.resetHandlers(...fakePlexHandlers(current, originsOf(current)));
  return current;
}

export function fake(): FakePlex {
  if (!current) throw new Error('call freshFake() first');
  return current;
}

/** Stores and IndexedDB start empty in every test. */
async function resetAppState(): Promise<void> {
  onlineManager.setOnline(true);
  forgetArtwork();
  await Promise.all([clear(appStore()), clearPersistedQueries()]);
  useLibraryStore.setState({ sectionByServer: {} });
  useSessionStore.setState({
    token: null,
    user: null,
    tokenCheck: 'unchecked',
    endedBecause: null,
  });
  useServersStore.setState({ servers: [], selectedId: null, remembered: {}, statuses: {} });
}

export async function signInAsDemo(f: FakePlex): Promise<void> {
  const { token, ...user } = f.model.user;
  await idbSet('session', JSON.stringify({ state: { token, user }, version: 0 }));
  useSessionStore.setState({ token, user, tokenCheck: 'unchecked' });
}

export interface Rendered extends RenderResult {
  opened: string[];
  queryClient: QueryClient;
}

let rendered = false;

// The app fetches the downloads module after its first paint. A test that ends sooner must wait
// for that import, or it lands after the test environment is gone and fails the whole run.
afterEach(async () => {
  if (rendered) await loadDownloads().catch(() => undefined);
  rendered = false;
});

/** Renders the whole app at `path`, as main.tsx would, against the fake Plex. */
export function renderApp(path = '/'): Rendered {
  rendered = true;
  window.history.replaceState(null, '', path);
  const opened: string[] = [];
  const services = {
    clientInfo,
    plexTv: new PlexTvClient({ endpoints, client: clientInfo }),
    openExternal: (url: string) => opened.push(url),
  };
  const queryClient = createQueryClient();
  const result = render(<App services={services} queryClient={queryClient} />);
  return Object.assign(result, { opened, queryClient });
}

/**
 * What every app test file sets up: the fake Plex served for the file, and each test starting
 * from a fresh fake and an empty app (signed in as the demo user, or not).
 */
export function appTests({ signedIn }: { signedIn: boolean }): void {
  beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => mswServer.close());
  beforeEach(async () => {
    freshFake();
    await resetAppState();
    if (signedIn) await signInAsDemo(fake());
  });
}
