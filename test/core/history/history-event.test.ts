// The alert's history journaled once and shown in the export after Prometheus is gone: the event
// round-trips through the journal codec, the fold keeps it, the Markdown has a short table whose
// times match the episodes, hostile labels stay literal, and journals without it export as before.
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import { analyseHistory, type HistoryReport } from '../../../src/core/history/alert-history.js';
import { alertHistoryEvent, historyCount } from '../../../src/core/history/history-event.js';
import type { TimelineEvent } from '../../../src/core/timeline/events.js';
import { fold } from '../../../src/core/timeline/fold.js';
import { encodeEvent, parseJournal } from '../../../src/core/timeline/journal-codec.js';
import { timelineRows } from '../../../src/core/export/timeline-rows.js';
import { sampleEvents } from '../timeline/sample-events.js';

const utc = { name: 'UTC', offsetMinutes: 0 };
const end = Date.parse('2026-11-23T14:01:20Z') / 1000;
const day = 86_400;
const step = 60;
const window = { start: end - 7 * day, end, stepSeconds: step };
/** Points every step from `from` for `minutes`. */
const firing = (from: number, minutes: number) =>
  Array.from({ length: minutes + 1 }, (_, i) => ({ timestamp: from + i * step, value: 1 }));
// Three starts at 14:00 UTC on three days (the last one still firing), for web1.
const starts = [end - 5 * day - 80, end - 2 * day - 80, end - 80];
const history = analyseHistory(
  [
    {
      metric: {
        __name__: 'ALERTS',
        alertname: 'HaproxyServerConnectionErrors',
        alertstate: 'firing',
        server: 'web1',
      },
      points: [...firing(starts[0]!, 40), ...firing(starts[1]!, 10), ...firing(starts[2]!, 1)],
    },
  ],
  window,
);
const report: HistoryReport = {
  selector: 'ALERTS{alertname="HaproxyServerConnectionErrors", alertstate="firing", server="web1"}',
  history,
  requestedSeconds: 7 * day,
  retentionSeconds: undefined,
  alertsSeriesFound: true,
};

function journalWith(event: TimelineEvent): TimelineEvent[] {
  const text = [...sampleEvents, event].map((e) => `${encodeEvent(e)}\n`).join('');
  const parsed = parseJournal(text);
  expect(parsed.rejected).toEqual([]);
  return [...parsed.events];
}

describe('the alert history in the journal and the export', () => {
  it('records window, episodes, count and recurring hour, and reads them back', () => {
    const event = alertHistoryEvent(report, '2026-11-23T14:01:30.000Z', 0);
    expect(event).toMatchObject({
      type: 'alert-history',
      source: 'prometheus',
      windowStart: '2026-11-16T14:01:20.000Z',
      windowEnd: '2026-11-23T14:01:20.000Z',
      count: 3,
      firingSeconds: (40 + 10 + 1) * 60,
      recurring: { minuteOfDay: 14 * 60, zoneOffsetMinutes: 0, starts: 3, total: 3, days: 3 },
    });
    expect(event.episodes.map((e) => [e.start, e.end, e.ongoing])).toEqual([
      ['2026-11-18T14:00:00.000Z', '2026-11-18T14:40:00.000Z', false],
      ['2026-11-21T14:00:00.000Z', '2026-11-21T14:10:00.000Z', false],
      ['2026-11-23T14:00:00.000Z', '2026-11-23T14:01:00.000Z', true],
    ]);
    const events = journalWith(event);
    expect(events.at(-1)).toEqual(event);
    expect(fold(events)?.history).toEqual(event);
  });

  it('exports a short history table with the recorded times, after Prometheus is gone', () => {
    const events = journalWith(alertHistoryEvent(report, '2026-11-23T14:01:30.000Z', 60));
    const markdown = exportMarkdown(events, { zone: utc });
    const section = markdown.slice(markdown.indexOf('## Alert history'), markdown.indexOf('## Impact'));
    expect(section.trim().split('\n')).toEqual([
      '## Alert history',
      '',
      'Fired 3 times in 7 days, 51 min in all (read from prometheus at 2026-11-23 14:01:30 UTC, 2026-11-16 14:01:20 → 2026-11-23 14:01:20 UTC).',
      '',
      'It tends to start around 14:00 (UTC+01:00): 3 of 3 starts, on 3 different days.',
      '',
      '| Started (UTC) | Lasted | Labels |',
      '| --- | --- | --- |',
      '| 2026-11-18 14:00:00 | 40 min | `{server="web1"}` |',
      '| 2026-11-21 14:00:00 | 10 min | `{server="web1"}` |',
      '| 2026-11-23 14:00:00 | 1 min, still firing | `{server="web1"}` |',
      '',
      "Times are to within 1 min (the query's step).",
    ]);
    const incident = fold(events)!;
    expect(timelineRows(incident, events).find((r) => r.at === '2026-11-23T14:01:30.000Z')?.text).toBe(
      'Alert history read from prometheus: fired 3 times in 7 days, 51 min in all',
    );
  });

  it('keeps hostile labels literal and says when the backend has no ALERTS', () => {
    const hostile = analyseHistory(
      [
        {
          metric: { alertname: 'A', server: 'x|<img src=x onerror=alert(1)>`' },
          points: firing(end - 600, 2),
        },
      ],
      window,
    );
    const events = journalWith(
      alertHistoryEvent({ ...report, history: hostile }, '2026-11-23T14:01:30.000Z', 0),
    );
    const markdown = exportMarkdown(events, { zone: utc });
    const row = markdown.split('\n').find((l) => l.startsWith('| 2026-11-23 13:51:20'));
    // In a code span the HTML is literal text; the pipe is escaped so the row keeps three cells.
    expect(row).toBe('| 2026-11-23 13:51:20 | 2 min | ``{server="x\\|<img src=x onerror=alert(1)>`"}`` |');
    expect(row!.split(/(?<!\\)\|/).length).toBe(5);

    const none = alertHistoryEvent(
      { ...report, alertsSeriesFound: false, history: analyseHistory([], window) },
      '2026-11-23T14:01:30.000Z',
      0,
    );
    expect(historyCount(none)).toBe('unknown (no ALERTS series in 7 days)');
    const cut = alertHistoryEvent(
      { ...report, history: analyseHistory([], { ...window, start: end - day }) },
      '2026-11-23T14:01:30.000Z',
      0,
    );
    expect(exportMarkdown(journalWith(cut), { zone: utc })).toContain(
      'Prometheus keeps 1 day of data, so the 7 days asked for were cut to that.',
    );
    expect(exportMarkdown(journalWith(none), { zone: utc })).toContain(
      'Unknown (no ALERTS series in 7 days) (read from',
    );
  });

  it('a journal without the record exports with no history section', () => {
    const markdown = exportMarkdown(sampleEvents, { zone: utc });
    expect(markdown).not.toContain('Alert history');
    expect(fold(sampleEvents)?.history).toBeUndefined();
  });
});
