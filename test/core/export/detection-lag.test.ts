import { describe, expect, it } from 'vitest';
import {
  detectionInputFromIncident,
  detectionRows,
  firstCrossing,
} from '../../../src/core/export/detection-lag.js';
import type { RangePoint } from '../../../src/core/timeline/events.js';
import { fold } from '../../../src/core/timeline/fold.js';
import { sampleEvents } from '../timeline/sample-events.js';

const above100 = { op: '>', value: 100 } as const;

/** Points every 10 s from t=1000 with these values. */
function series(...values: number[]): RangePoint[] {
  return values.map((value, i) => [1000 + i * 10, value] as const);
}

describe('firstCrossing', () => {
  it('finds the first sample past the threshold and the start of the climb towards it', () => {
    // 0 0 | 40 90 | 130: the failure shows at t=1020, the rate crosses 100 at t=1040.
    expect(firstCrossing(series(0, 0, 40, 90, 130, 150), above100)).toEqual({
      crossedAt: 1040,
      risingAt: 1020,
      atRangeStart: false,
    });
  });

  it('reports no climb when the value jumps past the threshold in one sample', () => {
    expect(firstCrossing(series(0, 0, 500), above100)).toEqual({
      crossedAt: 1020,
      risingAt: undefined,
      atRangeStart: false,
    });
  });

  it('returns nothing when no sample crosses, and treats NaN as not crossing', () => {
    expect(firstCrossing(series(0, 50, 100, NaN), above100)).toBeUndefined();
    expect(firstCrossing([], above100)).toBeUndefined();
  });

  it('says when the range starts already past the threshold', () => {
    expect(firstCrossing(series(200, 210), above100)).toEqual({
      crossedAt: 1000,
      risingAt: undefined,
      atRangeStart: true,
    });
  });

  it('picks the crossing episode that led to the alert, not an earlier blip', () => {
    // A blip at t=1010, back to 0, then the real climb crossing at t=1060; the alert fired at 1070.
    const points = series(0, 150, 0, 0, 30, 80, 120, 130);
    expect(firstCrossing(points, above100, 1070)).toEqual({
      crossedAt: 1060,
      risingAt: 1040,
      atRangeStart: false,
    });
    expect(firstCrossing(points, above100)?.crossedAt).toBe(1010);
    // An episode that began after the alert fired is not the one that fired it.
    expect(firstCrossing(points, above100, 1015)?.crossedAt).toBe(1010);
  });

  it('follows a falling value for a < threshold, and accepts unsorted points', () => {
    const points: RangePoint[] = [
      [1030, 0.2],
      [1000, 1],
      [1020, 0.6],
      [1010, 1],
    ];
    expect(firstCrossing(points, { op: '<', value: 0.5 })).toEqual({
      crossedAt: 1030,
      risingAt: 1020,
      atRangeStart: false,
    });
  });
});

describe('detectionRows', () => {
  it('matches each series to the alert that carries its labels', () => {
    const incident = fold(sampleEvents);
    const input = incident && detectionInputFromIncident(incident);
    expect(input?.threshold).toEqual(above100);
    expect(incident && input && detectionRows(incident, input)).toEqual([
      {
        labels: { server: 'web1' },
        risingAt: '2026-11-23T14:00:20.000Z',
        crossedAt: '2026-11-23T14:00:40.000Z',
        crossedAtRangeStart: false,
        firingAt: '2026-11-23T14:00:55.000Z',
        openedAt: '2026-11-23T14:01:20.000Z',
      },
    ]);
  });

  it('finds no input in a journal without an alert-rule probe with range data', () => {
    const incident = fold(sampleEvents.slice(0, 3));
    expect(incident && detectionInputFromIncident(incident)).toBeUndefined();
  });
});
