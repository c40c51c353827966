import { useEffect, useState } from 'react';
import { usePlexServices } from '../../lib/plex-context';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Skeleton } from '../../ui/skeleton';
import { completeSignIn, type SignInResult } from './sign-in';
import { useSessionStore } from './session-store';
import { SignInButton } from './sign-in-button';
import './auth.css';
import type { PlexUser } from '../../domain';

function Outcome({ result, onRetry }: { result: SignInResult; onRetry: () => void }) {
  switch (result.status) {
    case 'not-approved':
      return (
        <Notice tone="warning" title="Sign-in wasn't approved.">
          <p>If you approved PlexM8 on Plex a moment ago, check again. Otherwise, start over.</p>
          <Button onClick={onRetry}>Check again</Button>
          <SignInButton label="Start over" />
        </Notice>
      );
    case 'expired':
      return (
        <Notice tone="warning" title="That sign-in code has expired.">
          <p>Sign-in codes expire after a few minutes. Start a new sign-in.</p>
          <SignInButton />
        </Notice>
      );
    case 'no-pending':
      return (
        <Notice tone="info" title="There's no sign-in in progress in this browser.">
          <SignInButton />
        </Notice>
      );
    case 'error':
      return (
        <Notice tone="error" title="Couldn't finish signing in.">
          <p>{result.message}</p>
          <Button onClick={onRetry}>Try again</Button>
        </Notice>
      );
    case 'signed-in':
      return null;
  }
}

const CLEAR_FAILED =
  "This browser still holds another Plex account's music and PlexM8 couldn't remove it, so it " +
  "didn't sign you in. Try again; if it keeps failing, clear this site's data in the browser's settings.";

/** app.plex.tv's forwardUrl lands here. */
export function SignInReturnScreen({
  beforeSignedIn,
  onSignedIn,
}: {
  /**
   * Runs before the session starts (another account's data on the device goes first); it may
   * start what the signed-in app will need (the token is the new session's).
   */
  beforeSignedIn?: (user: PlexUser, token: string) => Promise<void>;
  /** Runs once signed in: the app takes the user to its start page. */
  onSignedIn: () => void;
}) {
  const { plexTv } = usePlexServices();
  const signedIn = useSessionStore((s) => s.signedIn);
  const [result, setResult] = useState<SignInResult | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void completeSignIn(plexTv).then(async (outcome) => {
      if (!live) return;
      if (outcome.status !== 'signed-in') {
        setResult(outcome);
        return;
      }
      try {
        await beforeSignedIn?.(outcome.user, outcome.token);
      } catch {
        // Another account's data still on the device: signing in over it would show it.
        if (live) setResult({ status: 'error', message: CLEAR_FAILED });
        return;
      }
      if (!live) return;
      signedIn(outcome.token, outcome.user);
      onSignedIn();
    });
    return () => {
      live = false;
    };
  }, [plexTv, signedIn, beforeSignedIn, onSignedIn, attempt]);

  return (
    <main className="auth-screen">
      <div className="auth-card">
        <h1>Signing in</h1>
        {result === null ? (
          <div role="status" aria-label="Finishing sign-in with Plex" className="auth-progress">
            <p>Checking with Plex…</p>
            <Skeleton height="0.75rem" />
          </div>
        ) : (
          <Outcome
            result={result}
            onRetry={() => {
              setResult(null);
              setAttempt((n) => n + 1);
            }}
          />
        )}
      </div>
    </main>
  );
}
