import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

/** The desktop shortcuts, as a component of the player's lazy chunk (nothing to show). */
export function KeyboardShortcuts({ onSearch }: { onSearch: () => void }) {
  useKeyboardShortcuts(onSearch);
  return null;
}
