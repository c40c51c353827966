import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Outlet } from 'react-router';
import { REVOKED_MESSAGE, SignInScreen, useSessionStore, useTokenCheck } from '../../features/auth';
import { signOutEverywhere } from '../sign-out';

/** Signed out, every address shows the sign-in screen; signed in, the token is checked once. */
export function RequireSession() {
  const token = useSessionStore((s) => s.token);
  const queryClient = useQueryClient();
  const onRevoked = useCallback(
    () => void signOutEverywhere(queryClient, REVOKED_MESSAGE),
    [queryClient],
  );
  useTokenCheck(onRevoked);
  return token ? <Outlet /> : <SignInScreen />;
}
