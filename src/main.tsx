import { startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { noteAccountOfSession } from './app/account-data';
import { App, loadSignedInApp } from './app/app';
import {
  firstScreenCode,
  preloadScreens,
  SignInReturnScreen,
  SignInScreen,
} from './app/screen-code';
import { isSignInReturn } from './app/signed-out';
import { watchNetwork } from './app/network';
import { createQueryClient } from './app/query-client';
import { restoreFirstReads, warmQueryPersister } from './lib/query-persister';
import { finishInterruptedSignOut } from './app/sign-out';
import { appInfo, plexEndpoints } from './config';
import { getOrCreateClientId, useSessionStore } from './features/auth';
import { useLibraryStore } from './features/library/library-store';
import { usePlayerStore } from './features/player';
import { useServersStore } from './features/servers/servers-store';
// From their files: the barrel would bring the server client into the first-load chunk.
import { describeBrowser, type PlexClientInfo } from './lib/plex/client-info';
import { PlexTvClient } from './lib/plex/plex-tv-client';
import { secretsUnreadable } from './lib/secret-storage';
import { whenQuiet } from './lib/when-quiet';
import { settleStorageNames } from './lib/storage-names';
import { refuseToRunFramed } from './shell/frame-guard';
import { listenForInstallPrompt } from './shell/install-prompt';
import { registerServiceWorker } from './shell/register-service-worker';
import { installTrustedTypesPolicy } from './shell/trusted-types';
import './shell/theme.css';

async function boot(root: HTMLElement) {
  // Before anything opens a database: which names this build's data lives under.
  await settleStorageNames();
  // The first screen's saved list, read from disk beside everything else (lib/first-reads.ts).
  const readsLists = warmQueryPersister();
  // The last start read lists, so it was signed in (sign-out forgets them): the router's and the
  // first screen's code come now, beside the sealed session's opening, not after it. A guess
  // that turns out wrong (the session was refused since) costs only those bytes.
  if (readsLists) void firstScreenCode(window.location.pathname).catch(() => undefined);
  // Online is judged by what answers, not only by navigator.onLine (app/network.ts); a start
  // with no network fires no 'offline' event, so react-query is told the state at once.
  watchNetwork();
  listenForInstallPrompt();
  const session = useSessionStore.persist.rehydrate();
  // The first screen's code as soon as the sign-in is known: the router fetches the code of the
  // screen at the address; signed out, every address shows the sign-in screen. Neither start
  // pays for the other's, and the other screens come once the first is quiet (decision 022).
  const first = session.then(() => {
    if (useSessionStore.getState().token) return loadSignedInApp();
    return (isSignInReturn() ? SignInReturnScreen : SignInScreen).preload().then(() => null);
  });
  void session
    .then(() => whenQuiet())
    .then(() => (useSessionStore.getState().token ? preloadScreens() : undefined))
    // Offline before the service worker has saved the app, a screen's code can't be fetched
    // ahead: its route fetches it again when opened, and says so if it still can't.
    .catch(() => undefined);
  // Every store's read at once: each waits on IndexedDB, none on another.
  const [clientId] = await Promise.all([
    getOrCreateClientId(),
    session,
    useServersStore.persist.rehydrate(),
    usePlayerStore.persist.rehydrate(),
    useLibraryStore.persist.rehydrate(),
  ]);
  // A sealed sign-in the key couldn't be loaded for: start nothing that could write over it.
  if (secretsUnreadable()) throw new Error('the sealed sign-in could not be opened');
  const queryClient = createQueryClient();
  await finishInterruptedSignOut(queryClient);
  const { token, user } = useSessionStore.getState();
  void noteAccountOfSession(user);
  if (token) useServersStore.getState().dropLentAccountToken(token);
  // Have the first screen's code before the first render (nothing painted twice).
  // The first screen's saved list is in the cache before the first render (lib/first-reads.ts):
  // read since boot began, it is normally there long before the screen's code.
  const [signedIn, restored] = await Promise.all([
    first.catch(() => null),
    restoreFirstReads(queryClient).catch(() => 0),
  ]);
  const { platform, device } = describeBrowser(navigator.userAgent);
  const clientInfo: PlexClientInfo = {
    clientId,
    product: appInfo.product,
    version: appInfo.version,
    platform,
    device,
    deviceName: `PlexM8 on ${platform} (${device})`,
  };
  const services = {
    clientInfo,
    plexTv: new PlexTvClient({ endpoints: plexEndpoints, client: clientInfo }),
    openExternal: (url: string) => window.location.assign(url),
  };
  const app = <App services={services} queryClient={queryClient} signedIn={signedIn} />;
  const reactRoot = createRoot(root);
  // Offline with the first screen's list already in the cache, the screen is rendered in one
  // go: that list is all there is, and a transition's 5 ms slices let other work in between on a
  // busy machine (decision 033). Online, a transition: the screen will re-render with the
  // server's answer anyway, and one long first render cost Lighthouse's Total Blocking Time on
  // the signed-in start (measured, decision 033), as it would the sign-in screen's.
  if (signedIn && restored > 0 && !navigator.onLine) reactRoot.render(app);
  else startTransition(() => reactRoot.render(app));
  // Signed in, the worker registers at once: going offline a few seconds later must find the app
  // saved. Signed out, nothing works offline yet: it waits until the sign-in screen is quiet, or
  // until signing in in this page, so it doesn't share the first screen's link (decision 022).
  if (token) registerServiceWorker();
  else {
    void whenQuiet().then(registerServiceWorker);
    const stop = useSessionStore.subscribe((s) => {
      if (!s.token) return;
      stop();
      registerServiceWorker();
    });
  }
}

installTrustedTypesPolicy();
const root = document.getElementById('root');
// Framed by another page, PlexM8 shows only a way out (clickjacking; shell/frame-guard.ts).
if (root && !refuseToRunFramed(root)) {
  boot(root).catch((error: unknown) => {
    // Private modes can refuse IndexedDB: say so in the static shell instead of a blank page.
    console.error('PlexM8 could not start', error);
    const message = document.createElement('p');
    message.className = 'boot-error';
    message.textContent =
      "PlexM8 couldn't start: this browser refused it storage (private browsing can do this). Reload, or try a normal window.";
    root.replaceChildren(message);
  });
}
