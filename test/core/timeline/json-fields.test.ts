import { describe, expect, it } from 'vitest';
import { isIsoTime, time } from '../../../src/core/timeline/json-fields.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('time fields', () => {
  it('reads a time exactly when Date.parse does, in and out of every field range', () => {
    const cases: string[] = [];
    for (const year of [0, 1970, 2026, 9999])
      for (let month = 0; month <= 13; month += 1)
        for (const day of [0, 1, 9, 10, 19, 28, 29, 30, 31, 32])
          for (const hour of [0, 9, 19, 23, 24])
            for (const minute of [0, 59, 60])
              for (const second of [0, 59, 60])
                cases.push(
                  `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}.${pad(day % 10, 3)}Z`,
                );
    cases.push(
      '2026-11-29T20:06:28Z',
      '2026-11-29T20:06:28.1234Z',
      '2026-11-29T20:06:28.000+01:00',
      '2026-11-29',
      '+275760-09-13T00:00:00.000Z',
      'Sun Nov 29 2026',
      '2026-11-29T20:06:28.000z',
      '2026-11-29 20:06:28.000Z',
      'yesterday',
      '',
    );
    for (const text of cases)
      expect([text, isIsoTime(text)]).toEqual([text, !Number.isNaN(Date.parse(text))]);
  });

  it('names the field of a time it cannot read', () => {
    expect(() => time({ at: '2026-13-01T00:00:00.000Z' }, 'at', 'note-added')).toThrow(
      'note-added.at: expected an ISO time',
    );
    expect(time({ at: '2026-02-31T00:00:00.000Z' }, 'at', 'note-added')).toBe('2026-02-31T00:00:00.000Z');
  });
});
