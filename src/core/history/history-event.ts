// The alert's history as a journal event (recorded once, when the workspace loads it) and back in
// words: the event keeps the window, each episode's start and end, the count and the recurring
// hour, so the postmortem can show them after Prometheus has dropped the data.
import type { AlertHistoryEvent } from '../timeline/events.js';
import type { HistoryReport } from './alert-history.js';
import { describeWindow, firingTotal } from './describe.js';

/** At most this many episodes are recorded (the newest); `count` covers all of them. */
export const recordedEpisodes = 20;

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

/** The event for a history read at `at` (ISO); `zoneOffsetMinutes` is the zone of its recurring hour. */
export function alertHistoryEvent(
  report: HistoryReport,
  at: string,
  zoneOffsetMinutes: number,
  source = 'prometheus',
): AlertHistoryEvent {
  const { history } = report;
  const recurring = history.recurrence;
  return {
    at,
    type: 'alert-history',
    source,
    selector: report.selector,
    windowStart: iso(history.window.start),
    windowEnd: iso(history.window.end),
    requestedSeconds: report.requestedSeconds,
    stepSeconds: history.window.stepSeconds,
    alertsSeriesFound: report.alertsSeriesFound,
    count: history.episodes.length,
    firingSeconds: history.firingSeconds,
    episodes: history.episodes.slice(-recordedEpisodes).map((e) => ({
      start: iso(e.start),
      end: iso(e.lastSeen),
      ongoing: e.ongoing,
      startedBefore: e.startedBefore,
      labels: e.labels,
    })),
    ...(recurring === undefined ? {} : { recurring: { ...recurring, zoneOffsetMinutes } }),
  };
}

/** The window the event covers, in words: `7 days`. */
export function historyWindow(event: AlertHistoryEvent): string {
  return describeWindow(Math.round((Date.parse(event.windowEnd) - Date.parse(event.windowStart)) / 1000));
}

/** `fired 3 times in 7 days, 42 min in all`, `did not fire in 7 days`, or why it is unknown. */
export function historyCount(event: AlertHistoryEvent): string {
  const window = historyWindow(event);
  if (!event.alertsSeriesFound) return `unknown (no ALERTS series in ${window})`;
  if (event.count === 0) return `did not fire in ${window}`;
  const times = event.count === 1 ? 'once' : `${event.count} times`;
  return `fired ${times} in ${window}, ${firingTotal(event.firingSeconds, event.stepSeconds)} in all`;
}
