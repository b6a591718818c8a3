// The postmortem's "Alert history" section: how often the alert fired in the window before the
// incident, as recorded in the journal when the workspace read it from Prometheus. Journals
// without the record get no section (the history was never read, so there is nothing to say).
import { formatDuration } from '../format/duration.js';
import { formatLabels } from '../format/labels.js';
import { formatMinuteOfDay } from '../history/recurrence.js';
import { describeWindow, firingTotal } from '../history/describe.js';
import { historyCount, historyWindow } from '../history/history-event.js';
import type { Incident } from '../timeline/incident.js';
import { between, describeZone, formatUtc } from './format.js';
import { cellText, codeText, inlineText } from './markdown-text.js';
import { section } from './markdown-sections.js';

/** The section's lines, or none when the journal has no alert-history event. */
export function historySection(incident: Incident): Iterable<string> {
  const history = incident.history;
  if (history === undefined) return [];
  const read = `read from ${inlineText(history.source)} at ${formatUtc(history.at)} UTC, ${formatUtc(history.windowStart)} → ${formatUtc(history.windowEnd)} UTC`;
  const count = historyCount(history);
  const lines = [`${count.charAt(0).toUpperCase()}${count.slice(1)} (${read}).`];
  const span = (Date.parse(history.windowEnd) - Date.parse(history.windowStart)) / 1000;
  if (span + history.stepSeconds < history.requestedSeconds) {
    lines.push(
      '',
      `Prometheus keeps ${historyWindow(history)} of data, so the ${describeWindow(history.requestedSeconds)} asked for were cut to that.`,
    );
  }
  const r = history.recurring;
  if (r !== undefined) {
    const zone = describeZone({ name: 'UTC', offsetMinutes: r.zoneOffsetMinutes });
    lines.push(
      '',
      `It tends to start around ${formatMinuteOfDay(r.minuteOfDay)} (${zone}): ${r.starts} of ${r.total} starts, on ${r.days} different days.`,
    );
  }
  if (history.episodes.length > 0) {
    const listed = history.episodes.length < history.count ? ` (the newest ${history.episodes.length})` : '';
    lines.push('', `| Started (UTC)${listed} | Lasted | Labels |`, '| --- | --- | --- |');
    for (const e of history.episodes) {
      const started = `${formatUtc(e.start)}${e.startedBefore ? ' or earlier' : ''}`;
      const lasted = `${firingTotal(between(e.start, e.end) / 1000, history.stepSeconds)}${e.ongoing ? ', still firing' : ''}`;
      const { alertname: _name, ...labels } = e.labels;
      lines.push(`| ${started} | ${lasted} | ${labelCell(formatLabels(labels))} |`);
    }
    lines.push('', `Times are to within ${formatDuration(history.stepSeconds * 1000)} (the query's step).`);
  }
  return section('Alert history', lines);
}

function labelCell(labels: string): string {
  return labels === '' || labels === '{}' ? cellText('') : codeText(labels, true);
}
