import { useEffect } from 'react';
import { player } from './player';
import { usePositionStore } from './position-store';

function typingInField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Desktop keys: space play/pause, ←/→ seek 10 s, shift+←/→ previous/next, m mute, / search. */
export function useKeyboardShortcuts(goToSearch: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingInField(e.target))
        return;
      const { positionMs, durationMs } = usePositionStore.getState();
      const hasTrack = player.state.queue.index >= 0;
      if (e.key === '/') {
        e.preventDefault();
        goToSearch();
      } else if (!hasTrack) {
        return;
      } else if (e.key === ' ' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        player.togglePlay();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        if (e.shiftKey) player.next();
        else player.seek(Math.min(durationMs, positionMs + 10_000));
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        if (e.shiftKey) player.previous(positionMs);
        else player.seek(Math.max(0, positionMs - 10_000));
      } else if (e.key === 'm' || e.key === 'M') {
        player.toggleMute();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goToSearch]);
}
