import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type Dispatch,
  type SetStateAction,
} from 'react';

interface ListBox {
  /** The list's width (the window's until it has been laid out: jsdom, the first render). */
  width: number;
  /** Where the list starts on the page: the window virtualizer's scroll margin. */
  top: number;
}

const initial = (): ListBox => ({
  width: typeof window === 'undefined' ? 1024 : window.innerWidth,
  top: 0,
});

function watch(el: HTMLElement, setBox: Dispatch<SetStateAction<ListBox>>): () => void {
  const read = () => {
    const width = el.clientWidth || window.innerWidth;
    const top = el.offsetTop;
    setBox((b) => (b.width === width && b.top === top ? b : { width, top }));
  };
  read();
  // jsdom has no ResizeObserver: the window's resizes stand in there.
  if (typeof ResizeObserver !== 'function') {
    window.addEventListener('resize', read);
    return () => window.removeEventListener('resize', read);
  }
  // The list's own box for its width; the page's for anything above it growing or shrinking.
  const observer = new ResizeObserver(read);
  observer.observe(el);
  observer.observe(document.body);
  return () => observer.disconnect();
}

/**
 * Where a window-scrolled list sits, read again whenever it or the page changes size: a shelf
 * or a notice above it that loads later moves the list down, and which rows are on screen moves
 * with it. `beforePaint` reads it before the first paint (a grid's columns depend on the width);
 * otherwise after it, since the rows painted first assume 0 and already cover the screen, and
 * reading earlier forces a layout and a second render before anything shows.
 */
export function useListBox<E extends HTMLElement>(beforePaint: boolean) {
  const ref = useRef<E>(null);
  const [box, setBox] = useState(initial);
  useLayoutEffect(() => {
    if (beforePaint && ref.current) return watch(ref.current, setBox);
  }, [beforePaint]);
  useEffect(() => {
    if (!beforePaint && ref.current) return watch(ref.current, setBox);
  }, [beforePaint]);
  return { ref, ...box };
}
