import { useCallback } from 'react';
import { useHref, useNavigate } from 'react-router';
import type { MouseEvent } from 'react';

export interface LinkProps {
  href: string;
  onClick: (event: MouseEvent<HTMLAnchorElement>) => void;
}

/**
 * Props for a plain `<a>` that navigates inside the app, made by one hook call per list: a
 * router `<Link>` in each of a virtual list's rows costs its hooks on every row, and rows are
 * mounted at every scroll. Modified clicks (new tab, new window) are left to the browser.
 */
export function useLinkProps(): (to: string) => LinkProps {
  const navigate = useNavigate();
  const root = useHref('/');
  return useCallback(
    (to: string) => ({
      href: `${root.replace(/\/$/, '')}${to}`,
      onClick: (event: MouseEvent<HTMLAnchorElement>) => {
        const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
        if (event.defaultPrevented || event.button !== 0 || modified) return;
        event.preventDefault();
        void navigate(to);
      },
    }),
    [navigate, root],
  );
}
