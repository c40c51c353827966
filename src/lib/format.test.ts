import { describe, expect, it } from 'vitest';
import { countOf, formatAge, formatDuration, formatLength } from './format';

describe('formatting', () => {
  it('formats track durations', () => {
    expect(formatDuration(187_000)).toBe('3:07');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(undefined)).toBe('–:––');
    expect(formatDuration(Number.NaN)).toBe('–:––');
  });
  it('formats playlist lengths', () => {
    expect(formatLength(42 * 60_000)).toBe('42 min');
    expect(formatLength(72 * 60_000)).toBe('1 h 12 min');
    expect(formatLength(0)).toBe('');
  });
  it('counts with the right plural', () => {
    expect(countOf(1, 'track')).toBe('1 track');
    expect(countOf(20000, 'track')).toBe('20,000 tracks');
  });
  it('tells the age of cached data', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(formatAge(now - 30_000, now)).toBe('just now');
    expect(formatAge(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatAge(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(formatAge(now - 72 * 3_600_000, now)).toBe('3 days ago');
  });
});
