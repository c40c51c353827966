import { useEffect, useRef, useState } from 'react';
import './clamped-text.css';

/** Characters that cannot fill four lines even on the narrowest phone. */
const SURELY_FITS = 120;

/**
 * A paragraph cut to a few lines with "More" / "Less": artist biographies and playlist
 * descriptions can run to pages and would push the music off the screen. The button shows only
 * when the text really is cut, which is known only after layout: "More" lies over the end of the
 * last line, so its arrival moves nothing below (the albums under a biography would jump by the
 * button's height as the screen settles, under a finger about to tap one). "Less", asked for,
 * sits below the whole text.
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
    <div className="clamped" dir="auto">
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
          className={open ? 'clamped-toggle' : 'clamped-toggle is-over'}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Less' : 'More'}
        </button>
      ) : null}
    </div>
  );
}
