import { useOnline } from '../lib/use-online';

/**
 * No network: said above every screen. Part of the first render (not lazy) so a start with no
 * network shows it at once instead of pushing the screen down a moment later.
 */
export function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <p className="app-banner app-banner-offline" role="status">
      You're offline. Downloaded music plays; everything else comes back with the network.
    </p>
  );
}
