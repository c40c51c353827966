import { dropSound, type Loaded } from './loaded-sound';

/** How long a track fetched on mouse-down waits for its click before it is let go. */
const PRIMED_FOR_MS = 5_000;

/**
 * A track fetched when the mouse went down on it, held for the click that plays it (decision
 * 029): at most one, let go after a while if the click never comes (a drag, a change of mind).
 */
export class PrimedSound {
  private held: { loaded: Loaded; expiry: ReturnType<typeof setTimeout> } | null = null;

  get loaded(): Loaded | null {
    return this.held?.loaded ?? null;
  }

  /**
   * Holds the sound `make` creates. Any earlier one goes first, before it is made: its element
   * back to howler's pool and its stream's server session ended.
   */
  hold(make: () => Loaded): void {
    this.release();
    const loaded = make();
    const expiry = setTimeout(() => this.release(), PRIMED_FOR_MS);
    this.held = { loaded, expiry };
  }

  /** The held sound if it plays `url`; any other held sound is let go. */
  take(url: string): Loaded | null {
    const held = this.held;
    if (!held) return null;
    clearTimeout(held.expiry);
    this.held = null;
    if (held.loaded.source.url === url) return held.loaded;
    dropSound(held.loaded);
    return null;
  }

  release(): void {
    if (!this.held) return;
    clearTimeout(this.held.expiry);
    dropSound(this.held.loaded);
    this.held = null;
  }
}
