import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import {
  detectionInputFromIncident,
  detectionRows,
  findCrossing,
} from '../../../src/core/export/detection-lag.js';
import type { RangePoint, TimelineEvent } from '../../../src/core/timeline/events.js';
import { fold } from '../../../src/core/timeline/fold.js';
import { sampleEvents } from '../timeline/sample-events.js';

const above100 = { op: '>', value: 100 } as const;

/** Points every 10 s from t=1000 with these values. */
function series(...values: number[]): RangePoint[] {
  return values.map((value, i) => [1000 + i * 10, value] as const);
}

describe('findCrossing', () => {
  it('finds the first sample past the threshold, the one before it, and the start of the climb', () => {
    // 0 0 | 40 90 | 130: the failure shows at t=1020, the rate crosses 100 between t=1030 and 1040.
    expect(findCrossing(series(0, 0, 40, 90, 130, 150), above100)).toEqual({
      crossedAt: 1040,
      notYetAt: 1030,
      risingAt: 1020,
    });
  });

  it('reports no climb when the value jumps past the threshold in one sample', () => {
    expect(findCrossing(series(0, 0, 500), above100)).toEqual({
      crossedAt: 1020,
      notYetAt: 1010,
      risingAt: undefined,
    });
  });

  it('returns nothing when no sample crosses, and treats NaN as not crossing', () => {
    expect(findCrossing(series(0, 50, 100, NaN), above100)).toBeUndefined();
    expect(
      findCrossing(series(0, 50, 100, NaN), above100, { firingAt: 1020, stepSeconds: 10 }),
    ).toBeUndefined();
    expect(findCrossing([], above100)).toBeUndefined();
  });

  it('says when the range starts already past the threshold: it crossed at or before the first sample', () => {
    expect(findCrossing(series(200, 210), above100, { firingAt: 900, stepSeconds: 10 })).toEqual({
      crossedAt: 1000,
      notYetAt: undefined,
      risingAt: undefined,
    });
  });

  it('picks the crossing episode that led to the alert, not an earlier blip', () => {
    // A blip at t=1010, back to 0, then the real climb crossing at t=1060; the alert fired at 1070.
    const points = series(0, 150, 0, 0, 30, 80, 120, 130);
    expect(findCrossing(points, above100, { firingAt: 1070, stepSeconds: 10 })?.crossedAt).toBe(1060);
    expect(findCrossing(points, above100)?.crossedAt).toBe(1010);
    // An episode that began more than a step after the alert fired is not the one that fired it.
    expect(findCrossing(points, above100, { firingAt: 1015, stepSeconds: 10 })?.crossedAt).toBe(1010);
    expect(findCrossing(points, above100, { firingAt: 1035, stepSeconds: 10 })).toBeUndefined();
    // Several episodes, none seen to contain the start: the one ending nearest before it, when no
    // sample says the condition had stopped holding before the alert fired.
    const three = series(150, 0, 150, 150, 0, 0, 150);
    expect(findCrossing(three, above100, { firingAt: 1035, stepSeconds: 10 })?.crossedAt).toBe(1020);
    // At 1040 the value was below the threshold, so the episode before cannot have fired an alert
    // at 1045, and the one from 1060 began too late: the range does not show the crossing.
    expect(findCrossing(three, above100, { firingAt: 1045, stepSeconds: 10 })).toBeUndefined();
  });

  it('keeps the episode whose first sample past the threshold comes within a step after the alert fired', () => {
    // The rule is evaluated every second, the range sampled every 10 s: the alert fired at 1024,
    // between the sample at 1020 (below) and the one at 1030 (above). An earlier episode must not win.
    const points = series(150, 150, 0, 0, 0, 0, 0, 0, 0, 150, 160).map(
      ([t, v], i) => [t + (i >= 2 ? 50 : 0), v] as const,
    );
    // Samples: 1000, 1010 past; 1070…1130 below; 1140, 1150 past. The alert fired at 1134.
    expect(findCrossing(points, above100, { firingAt: 1134, stepSeconds: 10 })).toEqual({
      crossedAt: 1140,
      notYetAt: 1130,
      risingAt: undefined,
    });
    // Without the step allowance the range would not show the crossing; the earlier, long-ended
    // episode is never taken for it.
    expect(findCrossing(points, above100, { firingAt: 1134, stepSeconds: 0 })).toBeUndefined();
  });

  it('follows a falling value for a < threshold, and accepts unsorted points', () => {
    const points: RangePoint[] = [
      [1030, 0.2],
      [1000, 1],
      [1020, 0.6],
      [1010, 1],
    ];
    expect(findCrossing(points, { op: '<', value: 0.5 })).toEqual({
      crossedAt: 1030,
      notYetAt: 1020,
      risingAt: 1020,
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
        crossed: { after: '2026-11-23T14:00:30.000Z', atLatest: '2026-11-23T14:00:40.000Z' },
        firingAt: '2026-11-23T14:00:55.000Z',
        openedAt: '2026-11-23T14:01:20.000Z',
        crossedToFiring: { min: 15_000, max: 25_000 },
        risingToFiring: { min: 35_000, max: 45_000 },
        lastSampleAt: '2026-11-23T14:01:00.000Z',
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
      'The alert fired 40 s after `{server="web1"}` started rising and 0 s after it crossed `> 100` (2026-11-23 14:00:41 UTC); the incident was opened 29 s after the alert fired.',
    );
  });

  it('says the incident was already open when it was opened before the alert fired, never a negative lag', () => {
    // Seen on the demo: opened at 12:00, the alert resolved and fired again at 14:00:41; the
    // export said "the incident was opened -2 h 8 min after the alert fired".
    const markdown = exportMarkdown([{ ...opened, at: '2026-11-23T12:00:00.000Z' }], {
      zone: { name: 'UTC', offsetMinutes: 0 },
      detection: { query, threshold: above100, stepSeconds: 5, series: [rampSeries(5)] },
    });
    expect(markdown).toContain('the incident was already open, 2 h before the alert fired.');
    expect(markdown).toMatch(/\| opened 2 h before \|$/m);
    expect(markdown).not.toMatch(/-\d+ (h|min|s)\b/);
  });

  it('stays honest about coarser samples: a bound, and no negative lag for a crossing seen after the alert fired', () => {
    // Samples at 14:00:40 (100, not past) and 14:00:45 (past); the alert fired at 14:00:41.
    expect(sentence(5)).toBe(
      'The alert fired 36 s to 41 s after `{server="web1"}` started rising and 0 s after it crossed `> 100` (2026-11-23 14:00:41 UTC); the incident was opened 29 s after the alert fired.',
    );
  });
});

describe('detection lag in the export, the two defects seen on a real stack', () => {
  const fired = '2026-11-23T04:18:24.000Z';
  const opened = (labels: Record<string, string>) =>
    ({
      ...sampleEvents[0],
      alerts: [
        {
          fingerprint: 'aaa1',
          labels: { alertname: 'HaproxyServerConnectionErrors', ...labels },
          startsAt: fired,
        },
      ],
      at: '2026-11-23T04:19:00.000Z',
    }) as TimelineEvent;
  const at = (hhmmss: string) => Date.parse(`2026-11-23T${hhmmss}Z`) / 1000;
  // Sampled every 10 s: an earlier episode 04:12:30–04:13:00, then below, then past again from 04:18:30.
  const points: RangePoint[] = [];
  for (let t = at('04:10:00'); t <= at('04:20:00'); t += 10) {
    const past = (t >= at('04:12:30') && t <= at('04:13:00')) || t >= at('04:18:30');
    points.push([t, past ? 180 : 20]);
  }
  const detection = (seriesLabels: Record<string, string>, seriesPoints: RangePoint[] = points) =>
    exportMarkdown([opened({ server: 'app1' })], {
      zone: { name: 'UTC', offsetMinutes: 0 },
      detection: {
        query: 'q',
        threshold: above100,
        stepSeconds: 10,
        series: [{ labels: seriesLabels, points: seriesPoints }],
      },
    });
  const lagSection = (markdown: string) =>
    markdown.slice(markdown.indexOf('### Detection lag'), markdown.indexOf('## Impact'));

  it('takes the episode the alert fired in, though its first sample past the threshold is after the start', () => {
    const section = lagSection(detection({ server: 'app1' }));
    expect(section).not.toContain('5 min');
    expect(section).toContain(
      '| between 2026-11-23 04:18:20 and 04:18:24 | 2026-11-23 04:18:24 | 0 s to 4 s | 0 s to 4 s |',
    );
    expect(section).toContain(
      'The alert fired 0 s to 4 s after it crossed `> 100` (between 2026-11-23 04:18:20 and 04:18:24 UTC);',
    );
  });

  it('never says "never crossed" under a table that shows a crossing', () => {
    // The series carries a label the alert lacks, so no alert of the incident matches it.
    const section = lagSection(detection({ server: 'app1', instance: 'x' }));
    expect(section).toContain('| between 2026-11-23 04:12:20 and 04:12:30 | — | unknown | unknown | — |');
    expect(section).not.toContain('never crossed');
    expect(section).toContain(
      'crossed `> 100` between 2026-11-23 04:12:20 and 04:12:30 UTC, but no alert of this incident carries its labels, so the detection lag is unknown.',
    );
  });

  it('tells the lag from the series that belongs to the alert when another does not', () => {
    const markdown = exportMarkdown([opened({ server: 'app1' })], {
      zone: { name: 'UTC', offsetMinutes: 0 },
      detection: {
        query: 'q',
        threshold: above100,
        stepSeconds: 10,
        series: [
          { labels: { server: 'other' }, points },
          { labels: { server: 'app1' }, points },
        ],
      },
    });
    expect(lagSection(markdown)).toContain(
      'The alert fired 0 s to 4 s after it crossed `> 100` (between 2026-11-23 04:18:20 and 04:18:24 UTC);',
    );
  });

  it('says so when the series never crossed, and when the range starts past the threshold', () => {
    const never = detection(
      { server: 'app1' },
      points.map(([t]) => [t, 5] as const),
    );
    expect(lagSection(never)).toContain(
      'did not cross `> 100` before the alert fired, in the range that was queried: the detection lag is unknown.',
    );
    // The range ends before the alert fired: it cannot show the crossing.
    const ended = lagSection(
      detection(
        { server: 'app1' },
        points.filter(([t]) => t <= at('04:18:20')),
      ),
    );
    expect(ended).toContain(
      'The range that was queried ends at 2026-11-23 04:18:20 UTC, before the alert fired, so it cannot show the crossing: the detection lag is unknown.',
    );
    // The range begins after the alert fired, already past the threshold: no bound to give.
    const late = lagSection(
      detection(
        { server: 'app1' },
        points.filter(([t]) => t >= at('04:18:30')),
      ),
    );
    expect(late).toContain('| at or before 2026-11-23 04:18:24 | 2026-11-23 04:18:24 | unknown | unknown |');
    expect(late).toContain(
      'The expression was already past `> 100` when the range that was queried begins, so the detection lag is unknown;',
    );
    // The range begins before the alert fired, already past the threshold: a lower bound.
    const early = lagSection(
      detection(
        { server: 'app1' },
        points.filter(([t]) => t >= at('04:18:00')).map(([t]) => [t, 180] as const),
      ),
    );
    expect(early).toContain(
      '| at or before 2026-11-23 04:18:00 | 2026-11-23 04:18:24 | at least 24 s | at least 24 s |',
    );
    expect(early).toContain(
      'The expression was already past `> 100` when the range that was queried begins, so the alert fired at least 24 s after it crossed;',
    );
  });
});
