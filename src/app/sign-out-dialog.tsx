import { countOf } from '../lib/format';
import { Button } from '../ui/button';
import { Modal } from '../ui/modal';
import './sign-out-dialog.css';

/**
 * "Keep your downloads?" — its own chunk: it is seen only at sign-out. Esc cancels.
 */
export function SignOutDialog({
  downloaded,
  onSignOut,
  onCancel,
}: {
  downloaded: number;
  onSignOut: (keepDownloads: boolean) => void;
  onCancel: () => void;
}) {
  const them = downloaded === 1 ? 'it' : 'them';
  return (
    <Modal
      className="modal"
      aria-labelledby="sign-out-title"
      aria-describedby="sign-out-text"
      onClose={onCancel}
    >
      <h2 id="sign-out-title">Sign out of PlexM8?</h2>
      <p id="sign-out-text">
        {countOf(downloaded, 'downloaded track')} {downloaded === 1 ? 'is' : 'are'} on this device.
        Keep {them} for the next sign-in, or delete {them} with the rest?
      </p>
      <div className="modal-actions">
        <Button variant="primary" autoFocus onClick={() => onSignOut(true)}>
          Sign out, keep downloads
        </Button>
        <Button onClick={() => onSignOut(false)}>Sign out and delete downloads</Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Modal>
  );
}
