import { act, render } from '@testing-library/react';
import { onlineManager } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetArtwork, type ArtworkSource } from '../lib/artwork';
import { CoverArt } from './cover-art';

/** A server whose images the test hands over (or refuses) by hand. */
function fakeSource() {
  const asked: Array<{ path: string; px: number; signal: AbortSignal }> = [];
  const settle = new Map<string, (blob: Blob | null) => void>();
  const source: ArtworkSource = {
    key: (path, px) => `server ${px} ${path}`,
    load: (path, px, signal) =>
      new Promise<Blob>((resolve, reject) => {
        asked.push({ path, px, signal });
        settle.set(path, (blob) => (blob ? resolve(blob) : reject(new Error('refused'))));
      }),
  };
  const answer = async (path: string, ok = true) => {
    await act(async () => {
      settle.get(path)?.(ok ? new Blob([new Uint8Array([1])], { type: 'image/jpeg' }) : null);
      await Promise.resolve();
    });
  };
  return { source, asked, answer };
}

/** IntersectionObserver driven by the test: nothing is on screen until `scrollTo` says so. */
const observed = new Map<Element, IntersectionObserverCallback>();
class FakeObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(element: Element) {
    observed.set(element, this.callback);
  }
  unobserve(element: Element) {
    observed.delete(element);
  }
  disconnect() {}
}
function scrollTo(element: Element) {
  act(() =>
    observed.get(element)?.(
      [{ target: element, isIntersecting: true } as IntersectionObserverEntry],
      {} as IntersectionObserver,
    ),
  );
}

beforeEach(() => {
  Object.defineProperty(globalThis, 'IntersectionObserver', {
    value: FakeObserver,
    configurable: true,
  });
});
afterEach(() => {
  forgetArtwork();
  onlineManager.setOnline(true);
});

describe('cover art', () => {
  it('waits until it is near the screen, then shows the image from a blob: URL', async () => {
    const { source, asked, answer } = fakeSource();
    const view = render(<CoverArt path="/thumb/1" size={40} urlFor={source} label="Album" />);
    expect(asked).toEqual([]);
    const pending = view.container.querySelector('.cover') as Element;
    scrollTo(pending);
    expect(asked.map((a) => [a.path, a.px])).toEqual([['/thumb/1', 40]]);
    await answer('/thumb/1');
    const img = view.container.querySelector('img') as HTMLImageElement;
    expect(img.getAttribute('src')).toMatch(/^blob:/);
    expect(img.hasAttribute('srcset')).toBe(false);
  });

  it('asks for twice the size on a high-density screen', () => {
    const { source, asked } = fakeSource();
    const before = window.devicePixelRatio;
    Object.defineProperty(window, 'devicePixelRatio', { value: 3, configurable: true });
    render(<CoverArt path="/thumb/1" size={160} urlFor={source} label="Album" eager />);
    Object.defineProperty(window, 'devicePixelRatio', { value: before, configurable: true });
    expect(asked.map((a) => a.px)).toEqual([320]);
  });

  it('shows the placeholder with the initial when the image fails', async () => {
    const { source, answer } = fakeSource();
    const view = render(<CoverArt path="/thumb/1" size={40} urlFor={source} label="zebra" eager />);
    await answer('/thumb/1', false);
    expect(view.container.querySelector('img')).toBeNull();
    expect(view.container.querySelector('.cover-placeholder')?.textContent).toBe('Z');
  });

  it('stops fetching when the row goes away before its image arrives', () => {
    const { source, asked } = fakeSource();
    const view = render(<CoverArt path="/thumb/1" size={40} urlFor={source} label="A" eager />);
    view.unmount();
    expect(asked[0]?.signal.aborted).toBe(true);
  });

  it('offline, shows the placeholder for an image not in memory and asks nothing', () => {
    const { source, asked } = fakeSource();
    onlineManager.setOnline(false);
    const view = render(<CoverArt path="/thumb/1" size={40} urlFor={source} label="A" eager />);
    expect(asked).toEqual([]);
    expect(view.container.querySelector('.cover-placeholder')?.textContent).toBe('A');
  });

  it('offline, still shows an image already in memory, at once', async () => {
    const { source, answer } = fakeSource();
    const first = render(<CoverArt path="/thumb/1" size={40} urlFor={source} label="A" eager />);
    await answer('/thumb/1');
    first.unmount();
    onlineManager.setOnline(false);
    const again = render(<CoverArt path="/thumb/1" size={40} urlFor={source} label="A" />);
    expect(again.container.querySelector('img')?.getAttribute('src')).toMatch(/^blob:/);
  });

  it('keeps showing the last image while the next one loads (a track change)', async () => {
    const { source, answer } = fakeSource();
    const view = render(<CoverArt path="/thumb/1" size={40} urlFor={source} label="A" eager />);
    await answer('/thumb/1');
    const first = view.container.querySelector('img')?.getAttribute('src');
    view.rerender(<CoverArt path="/thumb/2" size={40} urlFor={source} label="B" eager />);
    expect(view.container.querySelector('img')?.getAttribute('src')).toBe(first);
    await answer('/thumb/2');
    const second = view.container.querySelector('img')?.getAttribute('src');
    expect(second).toMatch(/^blob:/);
    expect(second).not.toBe(first);
  });
});
