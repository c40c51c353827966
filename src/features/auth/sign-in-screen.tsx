import { useSessionStore } from './session-store';
import { REVOKED_MESSAGE } from './use-token-check';
import { SignInButton } from './sign-in-button';
import { Notice } from '../../ui/notice';
import { usePlexServices } from '../../lib/plex-context';
import './auth.css';

/** Plex's own page of the devices signed in to an account. */
const AUTHORIZED_DEVICES = 'https://app.plex.tv/desktop/#!/settings/devices/all';

export function SignInScreen() {
  const endedBecause = useSessionStore((s) => s.endedBecause);
  const deviceLeft = useSessionStore((s) => s.deviceLeftOnAccount);
  const { clientInfo } = usePlexServices();
  return (
    <main className="auth-screen">
      <div className="auth-card">
        <img
          className="auth-logo"
          src={`${import.meta.env.BASE_URL}favicon.svg`}
          alt=""
          width={72}
          height={72}
        />
        <h1>PlexM8</h1>
        <p className="auth-lede">
          Your Plex music, in the browser and on your phone — even offline.
        </p>
        {endedBecause ? (
          <Notice tone="warning" title={endedBecause}>
            {endedBecause === REVOKED_MESSAGE ? (
              <p>Your queue, your place in the track and your downloads are kept for you.</p>
            ) : null}
          </Notice>
        ) : null}
        {deviceLeft ? (
          <Notice tone="warning" title="This browser is still on your Plex account">
            <p>
              PlexM8 signed out here, but Plex didn't let it remove “{clientInfo.deviceName}” from
              your account. Remove it under{' '}
              <a href={AUTHORIZED_DEVICES} target="_blank" rel="noopener noreferrer">
                Authorized Devices
              </a>{' '}
              to end its sign-in everywhere.
            </p>
          </Notice>
        ) : null}
        <SignInButton />
        <p className="auth-fineprint">
          You'll approve PlexM8 on plex.tv, then come straight back here. PlexM8 talks only to Plex
          and your own servers.
        </p>
      </div>
    </main>
  );
}
