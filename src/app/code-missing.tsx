import { Button } from '../ui/button';
import { Notice } from '../ui/notice';

/**
 * The app's code for a screen couldn't be fetched: offline before the service worker had saved
 * it, or a new version replaced the files. Say so and offer a reload, never a blank page.
 */
export function CodeMissing() {
  return (
    <Notice tone="error" title="This screen couldn't be loaded.">
      <p>
        PlexM8 may have been updated, or the network dropped before this screen was saved on the
        device. Reloading fetches it again.
      </p>
      <Button onClick={() => window.location.reload()}>Reload</Button>
    </Notice>
  );
}
