import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Modal } from './modal';

function Page() {
  const [open, setOpen] = useState(true);
  const [closed, setClosed] = useState(0);
  return (
    <>
      <p>Closed {closed} times</p>
      {open ? (
        <Modal
          className="box"
          aria-label="Settings"
          onClose={() => {
            setOpen(false);
            setClosed((n) => n + 1);
          }}
        >
          <button type="button">Inside</button>
        </Modal>
      ) : null}
    </>
  );
}

describe('Modal', () => {
  it('is an open dialog as soon as it is mounted, named by its label', () => {
    render(<Page />);
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    expect(dialog).toBeInstanceOf(HTMLDialogElement);
    expect((dialog as HTMLDialogElement).open).toBe(true);
  });

  it("answers Esc (the dialog's cancel) by asking the page to close it, once", () => {
    render(<Page />);
    const cancel = new Event('cancel', { cancelable: true });
    fireEvent(screen.getByRole('dialog', { name: 'Settings' }), cancel);
    // The browser would have closed it itself: the page's state does, by unmounting it.
    expect(cancel.defaultPrevented).toBe(true);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('Closed 1 times')).toBeVisible();
  });
});
