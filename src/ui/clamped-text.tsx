import { useEffect, useRef, useState } from 'react';
import './clamped-text.css';

/** Characters that cannot fill four lines even on the narrowest phone. */
const SURELY_FITS = 120;

/**
 * A paragraph cut to a few lines with "More" / "Less": artist biographies and playlist
 * descriptions can run to pages and would push the music off the screen. The button shows only
 * when the text really is cut.
 */
export function ClampedText({ text, className }: { text: string; className?: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const [cut, setCut] = useState(false);
  useEffect(() => {
    const el = ref.current;
    // Short text fits in the lines it is given: nothing to measure.
    if (!el || open || text.length <= SURELY_FITS || typeof ResizeObserver !== 'function') return;
    // The observer reports once after layout (no forced layout while the screen renders), then
    // whenever the width, and so the number of lines needed, changes.
    const observer = new ResizeObserver(() => setCut(el.scrollHeight > el.clientHeight + 1));
    observer.observe(el);
    return () => observer.disconnect();
  }, [text, open]);
  return (
    <>
      <p
        ref={ref}
        dir="auto"
        className={['clamped-text', open ? 'is-open' : '', className].filter(Boolean).join(' ')}
      >
        {text}
      </p>
      {cut || open ? (
        <button
          type="button"
          className="clamped-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Less' : 'More'}
        </button>
      ) : null}
    </>
  );
}
