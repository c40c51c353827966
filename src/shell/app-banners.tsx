import { useState } from 'react';
import { useOnline } from '../lib/use-online';
import { Button } from '../ui/button';
import { isIosSafariTab, promptInstall, useCanInstall } from './install-prompt';
import { dismissUpdate, updateNow, useUpdateReady } from './register-service-worker';

const IOS_HINT_KEY = 'plexm8-ios-install-hint-dismissed';

/**
 * The app's own news, above every screen: no network, a new version waiting, and how to install.
 * An update never applies itself: the user picks the moment (music keeps playing until then).
 */
export function AppBanners() {
  const online = useOnline();
  const updateReady = useUpdateReady();
  const canInstall = useCanInstall();
  const [iosHint, setIosHint] = useState(
    () => isIosSafariTab() && localStorage.getItem(IOS_HINT_KEY) !== '1',
  );
  return (
    <div className="app-banners">
      {!online ? (
        <p className="app-banner app-banner-offline" role="status">
          You're offline. Downloaded music plays; everything else comes back with the network.
        </p>
      ) : null}
      {updateReady ? (
        <div className="app-banner" role="status">
          <span>A new version of PlexM8 is ready.</span>
          <Button variant="primary" onClick={updateNow}>
            Update now
          </Button>
          <Button variant="quiet" onClick={dismissUpdate}>
            Later
          </Button>
        </div>
      ) : null}
      {canInstall ? (
        <div className="app-banner">
          <span>Install PlexM8 to open it from your home screen or dock, even offline.</span>
          <Button onClick={() => void promptInstall()}>Install app</Button>
        </div>
      ) : null}
      {iosHint ? (
        <div className="app-banner">
          <span>
            To install PlexM8: tap Share <span aria-hidden="true">⎋</span>, then “Add to Home
            Screen”.
          </span>
          <Button
            variant="quiet"
            onClick={() => {
              localStorage.setItem(IOS_HINT_KEY, '1');
              setIosHint(false);
            }}
          >
            Got it
          </Button>
        </div>
      ) : null}
    </div>
  );
}
