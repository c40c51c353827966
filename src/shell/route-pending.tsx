import { useEffect, useState } from 'react';
import { useNavigation } from 'react-router';

/** Shorter waits show nothing: a bar that flashes on every tap reads as noise. */
export const PENDING_SHOWN_AFTER_MS = 150;

/**
 * A thin bar across the top while a tapped screen's code is on its way. The router keeps the old
 * screen until the new one can render, so on a slow link (a relay, a cold start) a tap would
 * otherwise seem to do nothing.
 */
export function RoutePending() {
  const loading = useNavigation().state !== 'idle';
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!loading) return;
    const timer = setTimeout(() => setShown(true), PENDING_SHOWN_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setShown(false);
    };
  }, [loading]);
  return shown ? (
    <div className="route-pending" role="progressbar" aria-label="Opening the screen" />
  ) : null;
}
