import { appRootUrl } from '../config';

/**
 * PlexM8 doesn't run inside another page's frame. A page that frames it could lay its own
 * pictures over PlexM8's buttons and get a "Sign out" or "Download" tapped (clickjacking).
 * Headers would forbid framing (`frame-ancestors`, `X-Frame-Options`), but GitHub Pages sends
 * none and a CSP <meta> can't carry `frame-ancestors`; so the app checks at start and, framed,
 * shows a link instead of itself. Any frame counts: a page of PlexM8's own origin gains nothing
 * by framing it (it can already reach everything PlexM8 stores), and one rule is easier to trust.
 */
export function isFramed(win: { readonly top: unknown; readonly self: unknown } = window): boolean {
  try {
    return win.top !== win.self;
  } catch {
    // Reading `top` can throw in odd embeddings: treat it as framed.
    return true;
  }
}

/** Framed: replaces the static shell with a way out and says true; otherwise leaves it be. */
export function refuseToRunFramed(root: HTMLElement): boolean {
  if (!isFramed()) return false;
  const message = document.createElement('p');
  message.className = 'boot-error';
  message.append("For your safety, PlexM8 doesn't run inside another page. ");
  const link = document.createElement('a');
  link.href = appRootUrl();
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = 'Open PlexM8 in its own tab';
  message.append(link);
  root.replaceChildren(message);
  return true;
}
