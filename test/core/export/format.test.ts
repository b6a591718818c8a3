import { describe, expect, it } from 'vitest';
import {
  describeZone,
  formatDuration,
  formatInZone,
  formatLabels,
  formatUtc,
  formatValue,
} from '../../../src/core/export/format.js';

describe('format', () => {
  it('prints times in UTC and in a given zone, across midnight', () => {
    expect(formatUtc('2026-11-23T23:30:05.900Z')).toBe('2026-11-23 23:30:05');
    expect(formatInZone('2026-11-23T23:30:05Z', { name: 'Asia/Kolkata', offsetMinutes: 330 })).toBe(
      '2026-11-24 05:00:05',
    );
    expect(formatInZone('2026-11-23T01:00:00Z', { name: 'America/New_York', offsetMinutes: -300 })).toBe(
      '2026-11-22 20:00:00',
    );
    expect(formatUtc('not a time')).toBe('unknown time');
  });

  it('names a zone with its offset', () => {
    expect(describeZone({ name: 'Asia/Kolkata', offsetMinutes: 330 })).toBe('Asia/Kolkata, UTC+05:30');
    expect(describeZone({ name: 'America/New_York', offsetMinutes: -300 })).toBe(
      'America/New_York, UTC-05:00',
    );
    expect(describeZone({ name: 'UTC', offsetMinutes: 0 })).toBe('UTC+00:00');
  });

  it('prints durations at a human scale', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(40_400)).toBe('40s');
    expect(formatDuration(125_000)).toBe('2m 05s');
    expect(formatDuration(3_725_000)).toBe('1h 02m 05s');
    expect(formatDuration(-15_000)).toBe('-15s');
    expect(formatDuration(NaN)).toBe('unknown');
  });

  it('prints sample values, including the ones JSON has no number for', () => {
    expect([NaN, Infinity, -Infinity, 150, 0.031234, 1234.56, -2.5].map(formatValue)).toEqual([
      'NaN',
      '+Inf',
      '-Inf',
      '150',
      '0.0312',
      '1234.6',
      '-2.5',
    ]);
  });

  it('prints labels sorted, quoted, without __name__', () => {
    expect(formatLabels({ server: 'web1', __name__: 'up', backend: 'a"b' })).toBe(
      '{backend="a\\"b", server="web1"}',
    );
    expect(formatLabels({})).toBe('{}');
  });
});
