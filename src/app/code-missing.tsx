import { Button } from '../ui/button';
import { Notice } from '../ui/notice';

/** The console line for a screen whose code failed (the words a user sees are CodeMissing's). */
export function warnScreenFailed(error: unknown): void {
  console.warn('PlexM8: a screen failed to load', error instanceof Error ? error.message : error);
}

/**
 * The app's code for a screen couldn't be fetched: offline before the service worker had saved
 * it, or a new version replaced the files. Say so and offer a reload, never a blank page. It
 * stands in for the screen, heading included (a screen reader lands on it as on any screen).
 */
export function CodeMissing() {
  return (
    <>
      <h1 className="visually-hidden">Screen not loaded</h1>
      <Notice tone="error" title="This screen couldn't be loaded.">
        <p>
          PlexM8 may have been updated, or the network dropped before this screen was saved on the
          device. Reloading fetches it again.
        </p>
        <Button onClick={() => window.location.reload()}>Reload</Button>
      </Notice>
    </>
  );
}

/** CodeMissing as a whole page, where no layout is there to hold it. */
export function CodeMissingPage() {
  return (
    <main className="content">
      <CodeMissing />
    </main>
  );
}
