import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { VirtualGrid } from './virtual-grid';

describe('VirtualGrid', () => {
  it('mounts the cards near the screen only, each with its place in the whole list', () => {
    const onRange = vi.fn();
    render(
      <VirtualGrid
        count={30_000}
        label="Albums"
        getKey={(i) => `a${i}`}
        itemHeight={(w) => w + 60}
        renderItem={(i) => <span>Album {i + 1}</span>}
        onRangeChange={onRange}
      />,
    );
    const grid = screen.getByRole('list', { name: 'Albums' });
    const cards = within(grid).getAllByRole('listitem');
    // jsdom's 1024 × 768 window: five columns of ≥ 160 px, a few rows of about 240 px.
    expect(cards.length).toBeGreaterThanOrEqual(10);
    expect(cards.length).toBeLessThanOrEqual(50);
    expect(cards.length % 5).toBe(0);
    expect(cards[0]?.getAttribute('aria-posinset')).toBe('1');
    expect(cards[0]?.getAttribute('aria-setsize')).toBe('30000');
    expect(cards[6]?.textContent).toBe('Album 7');
    // The sixth card starts the second row, under the first.
    expect(Number.parseFloat(cards[5]?.style.insetInlineStart ?? '')).toBe(0);
    expect(Number.parseFloat(cards[5]?.style.top ?? '')).toBeGreaterThan(200);
    expect(onRange).toHaveBeenLastCalledWith(0, cards.length - 1);
    // Tall enough for all 6,000 rows, so the page scrolls to the last one.
    expect(Number.parseFloat(grid.style.height)).toBeGreaterThan(6_000 * 200);
  });

  it('puts a short list in one row, and no empty cells', () => {
    render(
      <VirtualGrid
        count={3}
        label="Playlists"
        getKey={(i) => `p${i}`}
        itemHeight={(w) => w}
        renderItem={(i) => <span>Playlist {i + 1}</span>}
      />,
    );
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(3);
  });
});
