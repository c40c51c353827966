import { isPlexError } from '../../lib/plex/errors';
import { describeError } from '../../ui/plex-error-text';
import { formatAge } from '../../lib/format';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { useOnline } from '../../lib/use-online';

/** What went wrong loading part of the library, and the way out. */
export function QueryError({
  error,
  what,
  onRetry,
}: {
  error: unknown;
  what: string;
  onRetry: () => void;
}) {
  if (isPlexError(error, 'not-found')) {
    return <Notice tone="info" title={`This ${what} is no longer on the server.`} />;
  }
  if (isPlexError(error, 'unauthorized')) {
    return (
      <Notice tone="error" title="The server no longer accepts your sign-in.">
        <p>Sign out and back in, or ask the server's owner to share it again.</p>
      </Notice>
    );
  }
  return (
    <Notice tone="error" title={`Couldn't load this ${what}.`}>
      <p>{describeError(error)}</p>
      <Button onClick={onRetry}>Try again</Button>
    </Notice>
  );
}

/**
 * Cached data on screen while offline, or after a refresh failed: say so, and how old it is,
 * rather than hide it behind an error.
 */
export function StaleNotice({
  updatedAt,
  refreshFailed,
}: {
  updatedAt: number;
  refreshFailed: boolean;
}) {
  const online = useOnline();
  if (online && !refreshFailed) return null;
  const age = updatedAt ? ` ${formatAge(updatedAt)}` : '';
  return (
    <p className="stale-notice" role="status">
      <span aria-hidden="true">●</span>{' '}
      {/* Offline, the banner above every screen already says so: here, only how old this is. */}
      {online
        ? `Couldn't refresh; showing what PlexM8 saved${age}.`
        : `Showing what PlexM8 saved${age}.`}
    </p>
  );
}

/** Plex's data isn't on the device: the downloads' own records stand in. */
export function DownloadedCopyNotice({
  children = 'Showing your downloaded copy, as it was when downloaded.',
}: {
  children?: string;
}) {
  return (
    <p className="stale-notice" role="status">
      <span aria-hidden="true">●</span> {children}
    </p>
  );
}
