import { useCallback, useEffect, useState } from 'react';

export interface StorageInfo {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

/**
 * What this origin uses and may use (`navigator.storage.estimate()`), and whether the browser
 * promised to keep it (`persisted()`). Re-read every few seconds while `live` (downloads running).
 */
export function useStorage(live: boolean) {
  const [info, setInfo] = useState<StorageInfo>({ usage: null, quota: null, persisted: null });
  const read = useCallback(() => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.estimate) return Promise.resolve();
    return Promise.all([storage.estimate(), storage.persisted?.() ?? Promise.resolve(null)]).then(
      ([estimate, persisted]) =>
        setInfo({ usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted }),
    );
  }, []);
  useEffect(() => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (storage?.estimate)
      void Promise.all([storage.estimate(), storage.persisted?.() ?? Promise.resolve(null)]).then(
        ([estimate, persisted]) =>
          setInfo({ usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted }),
      );
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
