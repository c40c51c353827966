import { describe, expect, it } from 'vitest';
import { canSetVolume } from './volume-control';

/** An element as iOS has it: the level is the hardware's, and always reads 1. */
function iosElement(): HTMLMediaElement {
  const element = document.createElement('audio');
  Object.defineProperty(element, 'volume', { get: () => 1, set: () => undefined });
  return element;
}

describe('canSetVolume', () => {
  it('is true where a level written to an element reads back', () => {
    expect(canSetVolume()).toBe(true);
  });

  it('is false where the element ignores it (iOS reads 1), or refuses it', () => {
    expect(canSetVolume(iosElement)).toBe(false);
    const refusing = document.createElement('audio');
    Object.defineProperty(refusing, 'volume', {
      get: () => 1,
      set: () => {
        throw new DOMException('not allowed', 'NotSupportedError');
      },
    });
    expect(canSetVolume(() => refusing)).toBe(false);
  });
});
