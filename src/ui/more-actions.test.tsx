import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MoreActions } from './more-actions';

function setup() {
  const playNext = vi.fn();
  const addToQueue = vi.fn();
  render(
    <>
      <button type="button">Before</button>
      <MoreActions
        label="More for Slack Tide"
        actions={[
          { label: 'Play next', run: playNext },
          { label: 'Add to queue', run: addToQueue },
        ]}
      />
      <button type="button">After</button>
    </>,
  );
  const toggle = screen.getByRole('button', { name: 'More for Slack Tide' });
  return { user: userEvent.setup(), toggle, playNext, addToQueue };
}

const shown = () => screen.queryByRole('group', { name: 'More for Slack Tide' });

describe('MoreActions (a disclosure of plain buttons)', () => {
  it('starts closed: a button that says it is collapsed, and no actions', () => {
    const { toggle } = setup();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(shown()).toBeNull();
    expect(screen.queryByRole('button', { name: 'Play next' })).toBeNull();
  });

  it('opens on a click, as ordinary buttons (no ARIA menu), and closes on a second', async () => {
    const { user, toggle } = setup();
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe(shown()?.id);
    expect(screen.getByRole('button', { name: 'Play next' })).toBeTruthy();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.queryByRole('menuitem')).toBeNull();
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(shown()).toBeNull();
  });

  it.each(['{Enter}', ' '])(
    'opens from the keyboard with %s, focus staying on the button',
    async (key) => {
      const { user, toggle } = setup();
      toggle.focus();
      await user.keyboard(key);
      expect(shown()).not.toBeNull();
      expect(document.activeElement).toBe(toggle);
    },
  );

  it('Tab goes through the actions in order; Enter on one runs it, closes, focus back on ⋯', async () => {
    const { user, toggle, playNext, addToQueue } = setup();
    toggle.focus();
    await user.keyboard('{Enter}');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Play next' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add to queue' }));
    await user.tab({ shift: true });
    await user.keyboard('{Enter}');
    expect(playNext).toHaveBeenCalledTimes(1);
    expect(addToQueue).not.toHaveBeenCalled();
    expect(shown()).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('Space on an action runs it too', async () => {
    const { user, toggle, addToQueue } = setup();
    await user.click(toggle);
    screen.getByRole('button', { name: 'Add to queue' }).focus();
    await user.keyboard(' ');
    expect(addToQueue).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(toggle);
  });

  it('Esc, from an action or from ⋯, closes and puts focus on ⋯, and goes no further', async () => {
    const { user, toggle } = setup();
    const outer = vi.fn();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') outer();
    };
    document.addEventListener('keydown', onKey);
    await user.click(toggle);
    screen.getByRole('button', { name: 'Play next' }).focus();
    await user.keyboard('{Escape}');
    expect(shown()).toBeNull();
    expect(document.activeElement).toBe(toggle);
    expect(outer).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    await user.keyboard('{Escape}');
    expect(shown()).toBeNull();
    // Closed already: Esc is the page's again (a dialog around it closes).
    await user.keyboard('{Escape}');
    expect(outer).toHaveBeenCalledTimes(1);
    document.removeEventListener('keydown', onKey);
  });

  it('closes when Tab leaves it, either way', async () => {
    const { user, toggle } = setup();
    await user.click(toggle);
    await user.tab();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'After' }));
    expect(shown()).toBeNull();
    await user.click(toggle);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Before' }));
    expect(shown()).toBeNull();
  });

  it('closes on a press outside, not on one inside', () => {
    const { toggle } = setup();
    fireEvent.click(toggle);
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Play next' }));
    expect(shown()).not.toBeNull();
    fireEvent.pointerDown(document.body);
    expect(shown()).toBeNull();
  });
});
