/**
 * The page is in the background: the screen locked, another app or another tab in front. On iOS
 * that changes what audio may do (docs/decisions/011).
 */
export function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}
