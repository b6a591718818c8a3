import fc from 'fast-check';
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

  it('reads a time written as sitrep writes it off the string, as the Date round trip would print it', () => {
    // What formatUtc printed before it read such times off the string (and still does for others).
    const throughDate = (iso: string) => {
      const ms = Date.parse(iso);
      if (Number.isNaN(ms)) return 'unknown time';
      const text = new Date(ms).toISOString();
      return `${text.slice(0, 10)} ${text.slice(11, 19)}`;
    };
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const times = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        two(13),
        two(32),
        two(24),
        two(60),
        two(60),
        fc.constantFrom('', '.000', '.999', '.5', '.123456'),
        fc.constantFrom('Z', '+00:00', '+01:30', ''),
      )
      .map(([y, mo, d, h, mi, s, frac, zone]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${zone}`);
    fc.assert(
      fc.property(times, (iso) => {
        expect(formatUtc(iso)).toBe(throughDate(iso));
        expect(formatInZone(iso, { name: 'UTC', offsetMinutes: 0 })).toBe(throughDate(iso));
      }),
      { numRuns: 5000 },
    );
    for (const iso of [
      '2024-02-29T23:59:59.999Z',
      '2026-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-11-23T24:00:00Z',
    ]) {
      expect(formatUtc(iso)).toBe(throughDate(iso));
    }
  });
});
