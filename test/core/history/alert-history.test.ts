import { describe, expect, it } from 'vitest';
import {
  analyseHistory,
  historySelector,
  historyStep,
  withCurrentFiring,
  type HistoryReport,
} from '../../../src/core/history/alert-history.js';
import { describeHistory, historyHeadline } from '../../../src/core/history/describe.js';
import { alertHistoryEvent, historyCount } from '../../../src/core/history/history-event.js';
import { recurrence } from '../../../src/core/history/recurrence.js';
import { readStorageRetention, retentionSeconds } from '../../../src/core/history/retention.js';
import { findSyntaxError } from '../../../src/core/promql/parse.js';
import type { LocalZone } from '../../../src/core/export/format.js';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import { sampleEvents } from '../timeline/sample-events.js';

const utcZone: LocalZone = { name: 'UTC', offsetMinutes: 0 };

const step = 60;
const points = (from: number, to: number) => {
  const list = [];
  for (let t = from; t <= to; t += step) list.push({ timestamp: t, value: 1 });
  return list;
};
const metric = { __name__: 'ALERTS', alertname: 'A', alertstate: 'firing', server: 'web1' };
const window = { start: 0, end: 36_000, stepSeconds: step };

function report(
  history: ReturnType<typeof analyseHistory>,
  extra: Partial<HistoryReport> = {},
): HistoryReport {
  return {
    selector: 'ALERTS{}',
    history,
    requestedSeconds: 36_000,
    retentionSeconds: undefined,
    alertsSeriesFound: true,
    ...extra,
  };
}

describe('analyseHistory', () => {
  it('a gap of more than a step splits episodes; each has its start, last time seen and labels', () => {
    const history = analyseHistory(
      [{ metric, points: [...points(600, 1200), ...points(3000, 3600)] }],
      window,
    );
    expect(history.episodes).toEqual([
      {
        labels: { alertname: 'A', server: 'web1' },
        start: 600,
        lastSeen: 1200,
        ongoing: false,
        startedBefore: false,
      },
      {
        labels: { alertname: 'A', server: 'web1' },
        start: 3000,
        lastSeen: 3600,
        ongoing: false,
        startedBefore: false,
      },
    ]);
    expect(history.firingSeconds).toBe(1200);
  });

  it('firing at the window edges: started before it, still firing at its end; series merged by start', () => {
    const other = { ...metric, server: 'web2' };
    const history = analyseHistory(
      [
        { metric, points: points(35_400, 36_000) },
        { metric: other, points: points(0, 600) },
      ],
      window,
    );
    expect(history.episodes.map((e) => [e.labels['server'], e.startedBefore, e.ongoing])).toEqual([
      ['web2', true, false],
      ['web1', false, true],
    ]);
  });

  it('no series: no episodes', () => {
    const history = analyseHistory([], window);
    expect(history.episodes).toEqual([]);
    expect(historyHeadline(report(history), utcZone)).toBe('Did not fire in the last 10 hours.');
  });
});

describe('recurrence', () => {
  const day = 86_400;
  it('starts within the same hour on several days recur; scattered ones do not', () => {
    const nightly = [3 * 3600 + 120, day + 3 * 3600 + 900, 2 * day + 2 * 3600 + 3000, 2 * day + 15 * 3600];
    expect(recurrence(nightly, 0)).toMatchObject({ days: 3, starts: 3, total: 4 });
    expect(recurrence([3600, day + 8 * 3600, 2 * day + 16 * 3600], 0)).toBeUndefined();
    // Two starts on the same day are not a daily pattern.
    expect(recurrence([3600, 3700], 0)).toBeUndefined();
  });

  it('the zone decides which day a start falls on, and the minute of day', () => {
    const found = recurrence([23 * 3600 + 1800, day + 23 * 3600 + 1800], 60);
    expect(found?.minuteOfDay).toBe(30);
  });
});

describe('history text and query', () => {
  it('the selector escapes label values and parses', () => {
    const selector = historySelector('A"b', { server: 'we"b\n1', alertname: 'x', 'bad-name': 'y' });
    expect(selector).toBe('ALERTS{alertname="A\\"b", alertstate="firing", server="we\\"b\\n1"}');
    expect(findSyntaxError(selector)).toBeUndefined();
  });

  it('the step keeps a week under Prometheus’s points limit', () => {
    expect(historyStep(7 * 86_400)).toBe(61);
    expect(historyStep(600)).toBe(10);
  });

  it('retention: the time part of storageRetention; size only or missing is unknown', () => {
    expect(retentionSeconds('15d')).toBe(15 * 86_400);
    expect(retentionSeconds('10GiB or 30d')).toBe(30 * 86_400);
    expect(retentionSeconds('10GiB')).toBeUndefined();
    expect(retentionSeconds(undefined)).toBeUndefined();
    expect(readStorageRetention({ storageRetention: '1d' })).toBe('1d');
    expect(readStorageRetention({ storageRetention: 5 })).toBeUndefined();
  });

  it('describes episodes, the retention cut, recurrence and the step; a backend without ALERTS says so', () => {
    const history = analyseHistory(
      [{ metric, points: [...points(600, 1200), ...points(30_000, 36_000)] }],
      window,
    );
    const lines = describeHistory(report(history, { requestedSeconds: 7 * 86_400 }), utcZone);
    expect(lines).toEqual([
      'Fired 2 times in the last 10 hours, 1 h 50 min in all as of 10:00:00.',
      'Prometheus keeps 10 hours of data, so the 7 days asked for are cut to that.',
      '  1970-01-01 00:10:00  for 10 min  {server="web1"}',
      '  1970-01-01 08:20:00  for 1 h 40 min, still firing  {server="web1"}',
      "Times are to within 1 min (the query's step).",
    ]);
    expect(
      historyHeadline(report(analyseHistory([], window), { alertsSeriesFound: false }), utcZone),
    ).toMatch(/^No history: Prometheus has no ALERTS series in the last 10 hours .* unknown\.$/);
  });
});

describe('withCurrentFiring', () => {
  const labels = { alertname: 'A', server: 'web1' };
  const describe1 = (history: ReturnType<typeof analyseHistory>) =>
    historyHeadline(report(history, { requestedSeconds: 36_000 }), utcZone);

  it('counts an alert firing since just now that ALERTS does not show yet (seen: "did not fire")', () => {
    const empty = analyseHistory([], window);
    expect(describe1(empty)).toMatch(/did not fire/i);
    const now = withCurrentFiring(empty, { labels, startsAtSeconds: 36_000 - 29 });
    expect(now.episodes).toEqual([
      { labels, start: 36_000 - 29, lastSeen: 36_000, ongoing: true, startedBefore: false },
    ]);
    expect(now.firingSeconds).toBe(29);
    expect(describe1(now)).toMatch(/^Fired once/);
  });

  it('carries on the episode ALERTS saw until just before, instead of counting the firing twice', () => {
    const seen = analyseHistory([{ metric, points: points(30_000, 35_880) }], window);
    expect(seen.episodes.map((e) => e.ongoing)).toEqual([false]);
    const now = withCurrentFiring(seen, { labels, startsAtSeconds: 30_000 });
    expect(now.episodes).toHaveLength(1);
    expect(now.episodes[0]).toMatchObject({ start: 30_000, lastSeen: 36_000, ongoing: true });
    expect(now.firingSeconds).toBe(6_000);
  });

  it('leaves a history that already has the alert firing, or a start it cannot read, as it is', () => {
    const ongoing = analyseHistory([{ metric, points: points(30_000, 36_000) }], window);
    expect(withCurrentFiring(ongoing, { labels, startsAtSeconds: 30_000 })).toBe(ongoing);
    const empty = analyseHistory([], window);
    expect(withCurrentFiring(empty, { labels, startsAtSeconds: Number.NaN })).toBe(empty);
    // A start after the window's end by more than a step is not this window's.
    expect(withCurrentFiring(empty, { labels, startsAtSeconds: 36_000 + step + 1 })).toBe(empty);
  });

  it('counts an alert that fired within the last step, after the whole second the window ends on', () => {
    // Seen in the demo: the alert started at …36.112, the window ended at …36.000.
    const now = withCurrentFiring(analyseHistory([], window), { labels, startsAtSeconds: 36_000.112 });
    expect(now.episodes).toEqual([
      { labels, start: 36_000, lastSeen: 36_000, ongoing: true, startedBefore: false },
    ]);
    expect(historyHeadline(report(now, { requestedSeconds: 36_000 }), utcZone)).toMatch(/^Fired once/);
  });
});

describe('a firing shorter than the query step', () => {
  it('says it fired for under a step, not 0 s, in the headline, the episode and the journal line', () => {
    // One sample: an alert that had just started when the history was asked for.
    const history = analyseHistory([{ metric, points: [{ timestamp: 35_990, value: 1 }] }], window);
    expect(history.firingSeconds).toBe(0);
    const lines = describeHistory(report(history), utcZone);
    expect(lines[0]).toBe('Fired once in the last 10 hours, under 1 min in all as of 10:00:00.');
    expect(lines[1]).toMatch(/ {2}for under 1 min, still firing {2}\{server="web1"\}$/);
    const event = alertHistoryEvent(report(history), '2026-11-23T14:01:30.000Z', 0);
    expect(historyCount(event)).toBe('fired once in 10 hours, under 1 min in all');
    // The export's table of episodes says the same (it said "0 s, still firing").
    const markdown = exportMarkdown([...sampleEvents, event], { zone: utcZone });
    expect(markdown).toMatch(/\| under 1 min, still firing \| `\{server="web1"\}` \|/);
    expect(markdown).not.toMatch(/\| 0 s, still firing/);
  });
});

describe('the headline of a history with an episode still firing', () => {
  it('says when its total was measured, in the reader’s zone, and only while an episode is still firing', () => {
    // Firing until the window's end: the total grows after it was measured.
    const firing = analyseHistory([{ metric, points: points(30_000, 36_000) }], window);
    expect(historyHeadline(report(firing), { ...utcZone, offsetMinutes: 90 })).toBe(
      'Fired once in the last 10 hours, 1 h 40 min in all as of 11:30:00.',
    );
    // Over before the window's end: the total is final, and says no time.
    const over = analyseHistory([{ metric, points: points(600, 1200) }], window);
    expect(over.episodes.some((e) => e.ongoing)).toBe(false);
    expect(historyHeadline(report(over), utcZone)).toBe('Fired once in the last 10 hours, 10 min in all.');
  });
});
