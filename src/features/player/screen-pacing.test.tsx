import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { HOLD_MAX_MS, holdScreen, pacedHook, pacedView, releaseScreen } from './screen-pacing';

const makeStore = () => create<{ title: string }>()(() => ({ title: 'Nothing' }));

afterEach(() => releaseScreen());

describe('screen pacing', () => {
  it('tells views about changes at once, except while a tapped track starts', () => {
    const store = makeStore();
    const seen: string[] = [];
    pacedView(store).subscribe((s) => seen.push(s.title));
    store.setState({ title: 'A' });
    holdScreen();
    store.setState({ title: 'B' });
    store.setState({ title: 'C' });
    expect(seen).toEqual(['A']);
    releaseScreen();
    // One notice for everything held, with the state as it is now.
    expect(seen).toEqual(['A', 'C']);
  });

  it('lets go by itself after HOLD_MAX_MS when the track never sounds', () => {
    vi.useFakeTimers();
    const store = makeStore();
    const seen: string[] = [];
    pacedView(store).subscribe((s) => seen.push(s.title));
    holdScreen();
    store.setState({ title: 'Slow network' });
    vi.advanceTimersByTime(HOLD_MAX_MS - 1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['Slow network']);
  });

  it('never notifies a view that unsubscribed while held', () => {
    const store = makeStore();
    const seen: string[] = [];
    const unsubscribe = pacedView(store).subscribe((s) => seen.push(s.title));
    holdScreen();
    store.setState({ title: 'B' });
    unsubscribe();
    releaseScreen();
    expect(seen).toEqual([]);
  });

  it('renders the held change when the track sounds; the audio side hears it at once', () => {
    const store = makeStore();
    const useTitle = pacedHook(store);
    const Title = () => <p>{useTitle((s) => s.title)}</p>;
    const audioSide: string[] = [];
    store.subscribe((s) => audioSide.push(s.title));
    render(<Title />);
    act(() => {
      holdScreen();
      store.setState({ title: 'Departure Board' });
    });
    expect(audioSide).toEqual(['Departure Board']);
    expect(screen.getByText('Nothing')).toBeVisible();
    act(() => releaseScreen());
    expect(screen.getByText('Departure Board')).toBeVisible();
  });
});
