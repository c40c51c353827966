/**
 * A sign-out still under way, noted synchronously (localStorage) before anything is wiped: the
 * wipe is asynchronous (IndexedDB, sealing), and a tab reloaded or closed in the middle of it
 * must not come back signed in. The next start finishes it (finishInterruptedSignOut).
 */
import { storageName } from '../lib/storage-names';

const pendingKey = () => storageName('sign-out-pending');

export interface PendingSignOut {
  reason?: string;
  keepDownloads: boolean;
}

export function readPendingSignOut(): PendingSignOut | null {
  try {
    const raw = localStorage.getItem(pendingKey());
    return raw ? (JSON.parse(raw) as PendingSignOut) : null;
  } catch {
    return null;
  }
}

export function writePendingSignOut(pending: PendingSignOut | null): void {
  try {
    if (pending) localStorage.setItem(pendingKey(), JSON.stringify(pending));
    else localStorage.removeItem(pendingKey());
  } catch {
    // Storage refused (private mode): the wipe below still runs; only a reload mid-wipe is lost.
  }
}
