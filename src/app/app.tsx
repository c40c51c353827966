import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSessionStore } from '../features/auth';
import { PlexServicesProvider, type PlexServices } from '../lib/plex-context';
import { routerCode, screenCodeAt } from './screen-code';
import { listenForSessionChanges } from './session-sync';
import { SignedOut } from './signed-out';
import { CodeMissingPage } from './code-missing';

type RouterModule = Awaited<ReturnType<typeof routerCode>>;
export interface SignedInApp {
  module: RouterModule;
  router: ReturnType<RouterModule['createAppRouter']>;
}

/** The router and its first screen's code: boot waits for them, so nothing paints twice. */
export async function loadSignedInApp(): Promise<SignedInApp> {
  // The screen at the address comes beside the router, not after it (a failure to fetch it is
  // the route's to show).
  const [module] = await Promise.all([
    routerCode(),
    screenCodeAt(window.location.pathname)?.().catch(() => undefined),
  ]);
  const router = module.createAppRouter();
  await module.routerReady(router);
  return { module, router };
}

/** Signed in, the router's screens; signed out, the sign-in screens, which need no router. */
function Screens({ initial }: { initial: SignedInApp | null }) {
  const signedIn = useSessionStore((s) => s.token !== null);
  const [app, setApp] = useState(initial);
  const [failed, setFailed] = useState(false);
  // Signed out, the router goes with the session: a later sign-in starts a fresh one.
  if (!signedIn && app) setApp(null);
  useEffect(() => {
    if (!signedIn || app) return;
    let live = true;
    loadSignedInApp().then(
      (loaded) => live && setApp(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [signedIn, app]);
  if (!signedIn) return <SignedOut />;
  if (failed && !app) return <CodeMissingPage />;
  // Just signed in: a moment while the router's code arrives.
  return app ? <app.module.Routes router={app.router} /> : null;
}

export function App({
  services,
  queryClient,
  signedIn = null,
}: {
  services: PlexServices;
  queryClient: QueryClient;
  /** Loaded by boot for a signed-in start; otherwise loaded on signing in. */
  signedIn?: SignedInApp | null;
}) {
  useEffect(() => listenForSessionChanges(), []);
  return (
    <QueryClientProvider client={queryClient}>
      <PlexServicesProvider value={services}>
        <Screens initial={signedIn} />
      </PlexServicesProvider>
    </QueryClientProvider>
  );
}
