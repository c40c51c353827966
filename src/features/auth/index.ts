export { SignInScreen } from './sign-in-screen';
export { SignInReturnScreen } from './sign-in-return-screen';
export { AccountMenu } from './account-menu';
export { useSessionStore, SESSION_KEY } from './session-store';
export { useTokenCheck, REVOKED_MESSAGE } from './use-token-check';
export { getOrCreateClientId } from './client-id';
export { clearPendingPins } from './pending-pin';
