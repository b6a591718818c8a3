import { describe, expect, it } from 'vitest';
import { readTime } from '../../../src/core/alerts/shape.js';
import { isCalendarUtcTime } from '../../../src/core/format/utc-time.js';

describe('isCalendarUtcTime', () => {
  it('takes toISOString times on real days, with or without milliseconds', () => {
    expect(isCalendarUtcTime('2026-11-23T14:02:10.000Z')).toBe(true);
    expect(isCalendarUtcTime('2026-11-23T14:02:10Z')).toBe(true);
    expect(isCalendarUtcTime('2024-02-29T00:00:00Z')).toBe(true);
  });

  it('leaves days that do not exist, 24:00 and other forms to Date', () => {
    for (const text of ['2026-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2100-02-29T00:00:00Z']) {
      expect(isCalendarUtcTime(text)).toBe(false);
    }
    expect(isCalendarUtcTime('2026-11-23T24:00:00Z')).toBe(false);
    expect(isCalendarUtcTime('2026-11-23T14:02:10+01:00')).toBe(false);
  });
});

describe('readTime', () => {
  it('normalizes a day that does not exist as Date reads it, instead of keeping the text', () => {
    // The one check of canonical times, shared with the export: 30 February was kept as written.
    expect(readTime('2026-02-30T10:00:00.000Z', [])).toBe('2026-03-02T10:00:00.000Z');
    expect(readTime('2026-11-23T14:02:10.000Z', [])).toBe('2026-11-23T14:02:10.000Z');
  });
});
