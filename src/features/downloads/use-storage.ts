import { useCallback, useEffect, useState } from 'react';

export interface StorageInfo {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
  /** The browser has no StorageManager at all: nothing it keeps is promised (older Safari). */
  noStorageApi?: boolean;
}

/**
 * What this origin uses and may use, and whether the browser promised to keep it; null where
 * the browser has no way to say. Each is read on its own: Safari before 17 has `persisted()`
 * but no `estimate()`, and its downloads are the ones most at risk (docs/decisions/011).
 */
function readStorage(): Promise<StorageInfo> | null {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.estimate && !storage?.persisted) return null;
  return Promise.all([
    storage.estimate?.() ?? Promise.resolve(null),
    storage.persisted?.() ?? Promise.resolve(null),
  ]).then(([estimate, persisted]) => ({
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
    persisted,
  }));
}

/**
 * What this origin uses and may use (`navigator.storage.estimate()`), and whether the browser
 * promised to keep it (`persisted()`). Re-read every few seconds while `live` (downloads running).
 */
export function useStorage(live: boolean) {
  const [info, setInfo] = useState<StorageInfo>(() => ({
    usage: null,
    quota: null,
    persisted: null,
    noStorageApi: typeof navigator !== 'undefined' && !navigator.storage,
  }));
  const read = useCallback(() => readStorage()?.then(setInfo) ?? Promise.resolve(), []);
  useEffect(() => {
    void readStorage()?.then(setInfo);
    if (!live) return;
    const timer = setInterval(() => void read(), 2_000);
    return () => clearInterval(timer);
  }, [live, read]);
  const askToKeep = useCallback(async () => {
    await navigator.storage?.persist?.();
    await read();
  }, [read]);
  return { info, refresh: read, askToKeep };
}
