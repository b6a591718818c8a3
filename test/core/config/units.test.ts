import { describe, expect, it } from 'vitest';
import { formatDuration, parseByteSize, parseDuration } from '../../../src/core/config/units.js';

describe('parseDuration', () => {
  it('reads durations the way amtool takes them', () => {
    expect(parseDuration('10s')).toBe(10_000);
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('2h45m')).toBe(9_900_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('0')).toBe(0);
  });

  it('rejects what is not a duration', () => {
    for (const text of ['', '10', 's', '10x', '1m 30s', '-5s', '5s!', '1e3s']) {
      expect(parseDuration(text), text).toBeUndefined();
    }
  });
});

describe('parseByteSize', () => {
  it('reads plain bytes and units', () => {
    expect(parseByteSize('1024')).toBe(1024);
    expect(parseByteSize('256MiB')).toBe(268_435_456);
    expect(parseByteSize('70MB')).toBe(70_000_000);
    expect(parseByteSize('1 GiB')).toBe(1024 ** 3);
    expect(parseByteSize('lots')).toBeUndefined();
    expect(parseByteSize('5XB')).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it('keeps the two largest units', () => {
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(61_000)).toBe('1m1s');
    expect(formatDuration(3_600_000)).toBe('1h');
    expect(formatDuration(3_601_000)).toBe('1h');
    expect(formatDuration(90_061_000)).toBe('1d1h');
  });
});
