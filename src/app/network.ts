import { onlineManager } from '@tanstack/react-query';
import { plexEndpoints } from '../config';
import { createNetworkStatus } from '../lib/network-status';
import { reportNetworkTo } from '../lib/plex/request';

/** The one judge of "online" in the app (lib/network-status.ts explains why not the browser's). */
export const network = createNetworkStatus({ canaries: [plexEndpoints.plexTv] });

/** Calls `listener` each time the network comes back; returns the unsubscribe. */
export function whenNetworkReturns(listener: () => void): () => void {
  let up = network.isUp();
  return network.subscribe(() => {
    const now = network.isUp();
    if (now && !up) listener();
    up = now;
  });
}

/**
 * Requests report to the judge, and react-query hears from it instead of from window events:
 * queries pause while nothing answers and resume when something does.
 */
export function watchNetwork(): void {
  reportNetworkTo(network);
  const recheck = () => network.recheck();
  window.addEventListener('online', recheck);
  window.addEventListener('offline', recheck);
  // A phone waking up may be on another network: look again rather than wait for the timer.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') recheck();
  });
  onlineManager.setEventListener((setOnline) => {
    setOnline(network.isUp());
    return network.subscribe(() => setOnline(network.isUp()));
  });
}
