// The alert history in words, the same for `sitrep history`, the workspace and the export: how often
// it fired in the window, each episode, whether it recurs at one time of day, and what limited the
// answer (retention, the query's step, a backend without ALERTS).
import { describeZone, type LocalZone } from '../export/format.js';
import { countOf } from '../format/count.js';
import { formatDuration } from '../format/duration.js';
import { formatLabels } from '../format/labels.js';
import { sanitizeLine } from '../sanitize-text.js';
import type { FiringEpisode, HistoryReport } from './alert-history.js';
import { formatMinuteOfDay } from './recurrence.js';

/** At most this many episodes are listed (the newest); the count covers all of them. */
const listed = 10;

/** `7 days`, `1 day`, `6 hours`, `90 minutes`: a window length in words. */
export function describeWindow(seconds: number): string {
  if (seconds % 86_400 === 0) return countOf(seconds / 86_400, 'day');
  if (seconds % 3600 === 0) return countOf(seconds / 3600, 'hour');
  return countOf(Math.round(seconds / 60), 'minute');
}

/**
 * How long it fired, as far as samples one query step apart can tell: a time shorter than a step
 * (one sample of a short or just-started episode counts as 0 s) says `under` the step.
 */
export function firingTotal(firingSeconds: number, stepSeconds: number): string {
  if (firingSeconds < stepSeconds) return `under ${formatDuration(stepSeconds * 1000)}`;
  return formatDuration(firingSeconds * 1000);
}

/**
 * The first line: `Fired 3 times in the last 7 days, 42m 10s in all.` (or why it can not say).
 * While an episode is still firing the total grows after it was measured (the workspace shows the
 * line for as long as it stays open, beside a header whose "firing since" keeps counting), so it
 * says when it was measured, at the clock time in `zone` (`… in all as of 14:03:10.`).
 */
export function historyHeadline(report: HistoryReport, zone: LocalZone): string {
  const { history } = report;
  const window = describeWindow(history.window.end - history.window.start);
  if (!report.alertsSeriesFound) {
    return `No history: Prometheus has no ALERTS series in the last ${window} (it evaluates no alerting rules, or another ruler does), so whether this alert fired before is unknown.`;
  }
  const count = history.episodes.length;
  if (count === 0) return `Did not fire in the last ${window}.`;
  const times = count === 1 ? 'once' : `${count} times`;
  const total = firingTotal(history.firingSeconds, history.window.stepSeconds);
  if (!history.episodes.some((e) => e.ongoing))
    return `Fired ${times} in the last ${window}, ${total} in all.`;
  const asOf = formatTime(history.window.end, zone).slice(11);
  return `Fired ${times} in the last ${window}, ${total} in all as of ${asOf}.`;
}

/** Every line: headline, limits, recurrence, then the newest episodes (times in `zone`). */
export function describeHistory(report: HistoryReport, zone: LocalZone): string[] {
  const { history } = report;
  const lines = [historyHeadline(report, zone)];
  const span = history.window.end - history.window.start;
  if (span < report.requestedSeconds) {
    lines.push(
      `Prometheus keeps ${describeWindow(span)} of data, so the ${describeWindow(report.requestedSeconds)} asked for are cut to that.`,
    );
  }
  if (history.recurrence) {
    const r = history.recurrence;
    lines.push(
      `It tends to start around ${formatMinuteOfDay(r.minuteOfDay)} (${describeZone(zone)}): ${r.starts} of ${r.total} starts, on ${r.days} different days.`,
    );
  }
  const shown = history.episodes.slice(-listed);
  if (shown.length < history.episodes.length) {
    lines.push(`The newest ${shown.length}:`);
  }
  for (const episode of shown) lines.push(`  ${episodeLine(episode, zone, history.window.stepSeconds)}`);
  if (history.episodes.length > 0) {
    lines.push(
      `Times are to within ${formatDuration(history.window.stepSeconds * 1000)} (the query's step).`,
    );
  }
  return lines;
}

/** `2026-11-28 03:02:10  12m 30s  {server="web1"}`, with `still firing` or `already firing at the window's start`. */
function episodeLine(episode: FiringEpisode, zone: LocalZone, stepSeconds: number): string {
  const when = formatTime(episode.start, zone);
  const length = firingTotal(episode.lastSeen - episode.start, stepSeconds);
  const state = episode.ongoing ? ', still firing' : '';
  const before = episode.startedBefore ? ' (or earlier)' : '';
  const labels = formatLabels(withoutName(episode.labels));
  return `${when}${before}  for ${length}${state}  ${sanitizeLine(labels)}`;
}

function formatTime(unixSeconds: number, zone: LocalZone): string {
  const iso = new Date((unixSeconds + zone.offsetMinutes * 60) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function withoutName(labels: Readonly<Record<string, string>>): Record<string, string> {
  const { alertname: _alertname, ...rest } = labels;
  return rest;
}
