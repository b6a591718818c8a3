import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import {
  detectionInputFromIncident,
  detectionRows,
  firstCrossing,
} from '../../../src/core/export/detection-lag.js';
import type { RangePoint, TimelineEvent } from '../../../src/core/timeline/events.js';
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

describe('detection lag in the export, for the seed alert of the local stack', () => {
  // A server starts failing at 150 errors/s at T; the 1 m rate climbs linearly for a minute and
  // passes 100 at T+40 s; the rule (`> 100`, for: 0m, evaluated every second) fires at T+41 s.
  const failureStart = Date.parse('2026-11-23T14:00:00Z') / 1000;
  function rampSeries(stepSeconds: number) {
    const points: RangePoint[] = [];
    for (let t = failureStart - 120; t <= failureStart + 120; t += stepSeconds) {
      points.push([t, 150 * Math.min(1, Math.max(0, (t - failureStart) / 60))]);
    }
    return { labels: { server: 'web1' }, points };
  }
  const opened = {
    ...sampleEvents[0],
    alerts: [
      {
        fingerprint: 'aaa1',
        labels: { alertname: 'HaproxyServerConnectionErrors', server: 'web1' },
        startsAt: '2026-11-23T14:00:41.000Z',
      },
    ],
    at: '2026-11-23T14:01:10.000Z',
  } as TimelineEvent;
  const query = 'sum by (server) (rate(haproxy_server_connection_errors_total[1m]))';
  const sentence = (stepSeconds: number) =>
    exportMarkdown([opened], {
      zone: { name: 'UTC', offsetMinutes: 0 },
      detection: { query, threshold: above100, stepSeconds, series: [rampSeries(stepSeconds)] },
    })
      .split('\n')
      .find((line) => line.startsWith('The alert fired'));

  it('says the alert fired 40 s after the failure began, sampled every second', () => {
    expect(sentence(1)).toBe(
      'The alert fired 40s after `{server="web1"}` started rising and 0s after it crossed `> 100`; the incident was opened 29s after the alert fired.',
    );
  });

  it('stays honest about coarser samples: no negative lag for a crossing seen just after the alert fired', () => {
    expect(sentence(5)).toBe(
      'The alert fired 36s after `{server="web1"}` started rising and ≈0s after it crossed `> 100`; the incident was opened 29s after the alert fired.',
    );
  });
});
