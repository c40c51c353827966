import { useState } from 'react';
import { appRootUrl } from '../../config';
import { describeError } from '../../ui/plex-error-text';
import { usePlexServices } from '../../lib/plex-context';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { beginSignIn } from './sign-in';

/** Where app.plex.tv sends the user back: built from our own location only, never from input. */
function forwardUrl(): string {
  return new URL('sign-in/return', appRootUrl()).toString();
}

export function SignInButton({ label = 'Sign in with Plex' }: { label?: string }) {
  const { plexTv, openExternal } = usePlexServices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      openExternal(await beginSignIn(plexTv, forwardUrl()));
    } catch (cause) {
      setError(describeError(cause));
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="primary" busy={busy} onClick={() => void start()}>
        {busy ? 'Opening Plex…' : label}
      </Button>
      {error ? (
        <Notice tone="error" title="Couldn't start signing in with Plex.">
          <p>{error} Check your connection and try again.</p>
        </Notice>
      ) : null}
    </>
  );
}
