import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './error-boundary';

let broken = true;
function Fragile() {
  if (broken) throw new Error('bad data');
  return <p>All good</p>;
}

describe('ErrorBoundary', () => {
  it('shows a message where the crash happened, keeps the rest, and can try again', async () => {
    // React reports caught errors on the console: expected here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    broken = true;
    render(
      <>
        <p>Player</p>
        <ErrorBoundary what="this screen">
          <Fragile />
        </ErrorBoundary>
      </>,
    );
    expect(screen.getByRole('alert').textContent).toContain(
      'Something went wrong showing this screen.',
    );
    expect(screen.getByRole('alert').textContent).toContain('(bad data)');
    expect(screen.getByText('Player')).toBeVisible();
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('All good')).toBeVisible();
  });
});
