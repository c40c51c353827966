import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Outlet } from 'react-router';
import { REVOKED_MESSAGE, useTokenCheck } from '../../features/auth';
import { signOutEverywhere } from '../sign-out';

/** Signed in, the token is checked once; a token plex.tv revoked signs out everywhere. */
export function SessionCheck() {
  const queryClient = useQueryClient();
  const onRevoked = useCallback(
    () => void signOutEverywhere(queryClient, REVOKED_MESSAGE),
    [queryClient],
  );
  useTokenCheck(onRevoked);
  return <Outlet />;
}
