import { useCallback, useState, type ReactNode } from 'react';

/**
 * PlexM8's one way to put something over the page: a native modal <dialog>, shown with
 * showModal() while mounted. The browser gives what a hand-made overlay has to imitate: the top
 * layer (above the tab bar and any stacking context), everything behind it inert (no tabbing out,
 * no screen reader wandering into the page), and Esc as a "cancel" that `onClose` answers.
 */
export function Modal({
  className,
  onClose,
  children,
  ...aria
}: {
  className: string;
  /** Esc (or the platform's back gesture for dialogs) asked to close it. */
  onClose: () => void;
  children: ReactNode;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'aria-describedby'?: string;
}) {
  const [shown, setShown] = useState(false);
  // As it is attached, before the first paint: a modal from its first frame, never a plain box.
  // Its content mounts after (the same frame): a list inside that scrolls to a row as it mounts
  // needs a box that is laid out, and a dialog not yet shown has none.
  const show = useCallback((el: HTMLDialogElement | null) => {
    if (!el) return;
    if (!el.open) el.showModal();
    setShown(true);
    return () => el.close();
  }, []);
  return (
    <dialog
      ref={show}
      className={className}
      {...aria}
      onCancel={(e) => {
        // The page decides: closing is a state change (the dialog unmounts), not the browser's.
        e.preventDefault();
        onClose();
      }}
    >
      {shown ? children : null}
    </dialog>
  );
}
