import { describe, expect, it } from 'vitest';
import { createTimelineReporter, type TimelineReport } from './timeline-reporter';

function setup() {
  let clock = 0;
  const sent: TimelineReport[] = [];
  const scrobbles: string[] = [];
  const reporter = createTimelineReporter({
    timeline: async (r) => void sent.push(r),
    scrobble: async (id) => void scrobbles.push(id),
    now: () => clock,
  });
  return { reporter, sent, scrobbles, advance: (ms: number) => (clock += ms) };
}

const at = (timeMs: number, state: TimelineReport['state'] = 'playing') => ({
  trackId: '7',
  entryId: 'e1',
  state,
  timeMs,
  durationMs: 200_000,
});

describe('timeline reporter', () => {
  it('reports each state change at once', () => {
    const { reporter, sent } = setup();
    reporter.update(at(0, 'buffering'));
    reporter.update(at(0, 'playing'));
    reporter.update(at(500, 'paused'));
    expect(sent.map((r) => r.state)).toEqual(['buffering', 'playing', 'paused']);
  });

  it('reports every 10 s while playing, not on every tick', () => {
    const { reporter, sent, advance } = setup();
    reporter.update(at(0));
    for (let t = 250; t <= 25_000; t += 250) {
      advance(250);
      reporter.update(at(t));
    }
    expect(sent.map((r) => r.timeMs)).toEqual([0, 10_000, 20_000]);
  });

  it('does not repeat reports while paused', () => {
    const { reporter, sent, advance } = setup();
    reporter.update(at(1000, 'paused'));
    advance(60_000);
    reporter.update(at(1000, 'paused'));
    expect(sent).toHaveLength(1);
  });

  it('clamps time to the duration (Plex answers 400 otherwise) and never below 0', () => {
    const { reporter, sent } = setup();
    reporter.update({ ...at(250_000), state: 'stopped' });
    reporter.update({ ...at(-5), state: 'playing' });
    expect(sent[0]?.timeMs).toBe(200_000);
    expect(sent[1]?.timeMs).toBe(0);
  });

  it('scrobbles once when the track passes 90 %, and again on a repeat', () => {
    const { reporter, scrobbles } = setup();
    reporter.update(at(179_000));
    expect(scrobbles).toEqual([]);
    reporter.update(at(180_000));
    reporter.update(at(190_000));
    expect(scrobbles).toEqual(['7']);
    reporter.restart();
    reporter.update(at(185_000));
    expect(scrobbles).toEqual(['7', '7']);
  });

  it('keeps going when a report fails', async () => {
    let clock = 0;
    const reporter = createTimelineReporter({
      timeline: () => Promise.reject(new Error('offline')),
      scrobble: () => Promise.reject(new Error('offline')),
      now: () => clock,
    });
    expect(() => reporter.update(at(0))).not.toThrow();
    clock += 10_000;
    expect(() => reporter.update(at(195_000))).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
  });

  it('says "stopped" once for the entry it last reported, where it was', () => {
    const { reporter, sent } = setup();
    reporter.update(at(4_000));
    reporter.stop(5_500);
    reporter.stop(6_000);
    expect(sent.map((r) => [r.state, r.timeMs])).toEqual([
      ['playing', 4_000],
      ['stopped', 5_500],
    ]);
    expect(reporter.lastReport()).toMatchObject({ state: 'stopped', entryId: 'e1' });
  });

  it('counts the same track queued twice as two entries', () => {
    const { reporter, sent } = setup();
    reporter.update(at(0));
    reporter.update({ ...at(0), entryId: 'e2' });
    expect(sent.map((r) => r.entryId)).toEqual(['e1', 'e2']);
  });
});
