import { useEffect, useState } from 'react';
import { usePlayerView } from '../features/player';
import { Button } from '../ui/button';
import { dismissInstallOffer, installOfferDismissed, isIosSafariTab } from './install-offer';
import { promptInstall, useCanInstall } from './install-prompt';
import { dismissUpdate, offerAgain, updateNow, useUpdateReady } from './register-service-worker';
import { SharedOriginNotice } from './shared-origin-notice';

/**
 * Offers that arrive while a screen is already up: a new version waiting, and how to install.
 * They float over the bottom of the screen instead of sitting above it, so arriving never pushes
 * what the user is reading (or about to tap) down. An update never applies itself: the user
 * picks the moment (music keeps playing until then); one put off while music played is offered
 * again once it stops.
 */
export function AppBanners() {
  const updateReady = useUpdateReady();
  const playing = usePlayerView((s) => s.wantsToPlay);
  useEffect(() => {
    if (!playing) offerAgain();
  }, [playing]);
  const canInstall = useCanInstall();
  const [installDismissed, setInstallDismissed] = useState(installOfferDismissed);
  const [iosHint, setIosHint] = useState(() => isIosSafariTab() && !installOfferDismissed());
  const notNow = () => {
    dismissInstallOffer();
    setInstallDismissed(true);
    setIosHint(false);
  };
  return (
    <div className="app-toasts">
      <SharedOriginNotice />
      {updateReady ? (
        <div className="app-banner" role="status">
          <span>A new version of PlexM8 is ready.</span>
          <Button variant="primary" onClick={updateNow}>
            Update now
          </Button>
          <Button variant="quiet" onClick={() => dismissUpdate({ whilePlaying: playing })}>
            Later
          </Button>
        </div>
      ) : null}
      {canInstall && !installDismissed ? (
        <div className="app-banner">
          <span>Install PlexM8 to open it from your home screen or dock, even offline.</span>
          <Button onClick={() => void promptInstall()}>Install app</Button>
          <Button variant="quiet" onClick={notNow}>
            Not now
          </Button>
        </div>
      ) : null}
      {iosHint ? (
        <div className="app-banner">
          <span>
            To install PlexM8: tap Share <span aria-hidden="true">⎋</span>, then “Add to Home
            Screen”.
          </span>
          <Button variant="quiet" onClick={notNow}>
            Got it
          </Button>
        </div>
      ) : null}
    </div>
  );
}
