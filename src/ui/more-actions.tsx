import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import './more-actions.css';

export interface MoreAction {
  /** The words on the button: its whole accessible name. */
  label: string;
  run: () => void;
}

/**
 * A row's "⋯": a disclosure (a button with aria-expanded) that shows a few ordinary buttons.
 * Not an ARIA menu (decision 035): two to three actions, reached with Tab like every other
 * button, read by phone screen readers as buttons, with no roving focus to keep right in a
 * virtualized row. Esc closes and puts focus back on "⋯"; so does choosing an action (the
 * buttons go, and focus must not fall to the page). Focus or a press outside closes it.
 */
export function MoreActions({
  label,
  actions,
}: {
  /** The "⋯" button's name, e.g. "More for <title>". */
  label: string;
  actions: readonly MoreAction[];
}) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !box.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  // Opened near the bottom of the screen, the list would fall under the tab bar and the mini
  // player (fixed, over the page) or past the window: it opens upwards instead. Judged by what is
  // really at the middle of its bottom edge, so it needs to know nothing of the layout around it.
  const list = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const el = list.current;
    if (!open || !el) return;
    const rect = el.getBoundingClientRect();
    const y = Math.min(rect.bottom - 2, window.innerHeight - 1);
    const there = document.elementFromPoint?.(rect.left + rect.width / 2, y);
    if (rect.bottom > window.innerHeight || (there && !el.contains(there))) el.classList.add('up');
  }, [open]);

  const closeToToggle = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    // Only this disclosure closes: a dialog or the full player around it stays open.
    event.stopPropagation();
    event.preventDefault();
    closeToToggle();
  };
  const onBlur = (event: FocusEvent) => {
    const to = event.relatedTarget;
    // No new focus is not "focus left": Safari and Firefox on macOS don't focus a button pressed
    // with the mouse, so a press on an action would close the list before its click. A press
    // outside closes it (below), as does focus moving anywhere else.
    if (to === null || (to instanceof Node && box.current?.contains(to))) return;
    setOpen(false);
  };

  return (
    <span className="more-actions" ref={box} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={toggle}
        type="button"
        className="more-btn"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        ⋯
      </button>
      {open ? (
        <span ref={list} id={id} className="more-actions-list" role="group" aria-label={label}>
          {actions.map((action) => (
            <button
              key={action.label}
              type="button"
              onClick={() => {
                action.run();
                closeToToggle();
              }}
            >
              {action.label}
            </button>
          ))}
        </span>
      ) : null}
    </span>
  );
}
