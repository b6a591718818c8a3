import { describe, expect, it } from 'vitest';
import { formatDuration, formatSeconds } from '../../../src/core/format/duration.js';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [0.042, '42 µs'],
    [250, '250 ms'],
    [999.96, '1 s'],
    [1_500, '1.5 s'],
    [40_400, '40 s'],
    [59_700, '59 s'],
    [60_000, '1 min'],
    [61_000, '1 min 1 s'],
    [125_000, '2 min 5 s'],
    [3_600_000, '1 h'],
    [3_601_000, '1 h'],
    [3_725_000, '1 h 2 min'],
    [90_061_000, '1 d 1 h'],
    [-15_000, '-15 s'],
  ])('%s ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('says unknown for what is not a number of milliseconds', () => {
    expect(formatDuration(NaN)).toBe('unknown');
    expect(formatDuration(Infinity)).toBe('unknown');
  });

  it('reads the same as a value in seconds', () => {
    expect(formatSeconds(0.25)).toBe(formatDuration(250));
    expect(formatSeconds(3725)).toBe('1 h 2 min');
  });
});
