export { AccountMenu } from './account-menu';
export { useSessionStore } from './session-store';
export { useTokenCheck, REVOKED_MESSAGE } from './use-token-check';
export { getOrCreateClientId } from './client-id';
export { clearPendingPins } from './pending-pin';
