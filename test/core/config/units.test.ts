import { describe, expect, it } from 'vitest';
import { parseByteSize, parseDuration } from '../../../src/core/config/units.js';

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
