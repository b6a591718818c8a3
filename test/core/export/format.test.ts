import { describe, expect, it } from 'vitest';
import { describeZone, formatInZone, formatUtc } from '../../../src/core/export/format.js';

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
});
