import { describe, expect, it } from 'vitest';
import { claimPlaybackAudioSession, type NavigatorWithAudioSession } from './audio-session';

const withSession = (session: { type: string }) =>
  ({ audioSession: session }) as unknown as NavigatorWithAudioSession;

describe('claimPlaybackAudioSession', () => {
  it('sets the "playback" type where the browser has navigator.audioSession (Safari 16.4+)', () => {
    const session = { type: 'auto' };
    claimPlaybackAudioSession(withSession(session));
    expect(session.type).toBe('playback');
  });

  it('does nothing where the API is missing, and never throws where the type is refused', () => {
    expect(() => claimPlaybackAudioSession({} as NavigatorWithAudioSession)).not.toThrow();
    expect(() => claimPlaybackAudioSession(undefined)).not.toThrow();
    const refusing = {
      get type() {
        return 'auto';
      },
      set type(_value: string) {
        throw new TypeError('not allowed');
      },
    };
    expect(() => claimPlaybackAudioSession(withSession(refusing))).not.toThrow();
  });
});
