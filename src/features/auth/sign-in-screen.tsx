import { useSessionStore } from './session-store';
import { REVOKED_MESSAGE } from './use-token-check';
import { SignInButton } from './sign-in-button';
import { Notice } from '../../ui/notice';
import './auth.css';

export function SignInScreen() {
  const endedBecause = useSessionStore((s) => s.endedBecause);
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
        <SignInButton />
        <p className="auth-fineprint">
          You'll approve PlexM8 on plex.tv, then come straight back here. PlexM8 talks only to Plex
          and your own servers.
        </p>
      </div>
    </main>
  );
}
