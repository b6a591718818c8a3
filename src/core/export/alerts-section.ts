// The postmortem's "Alerts" section: each alert from firing to resolved, as sitrep saw them, and
// the incident's length both as alert time (first firing → last resolved) and as work time (opened
// in sitrep → closed).
import type { Incident, IncidentAlert } from '../timeline/incident.js';
import { formatDuration } from '../format/duration.js';
import { isFutureStart } from '../format/start-time.js';
import { between, formatUtc, futureStartText } from './format.js';
import { section } from './markdown-sections.js';
import { codeText } from './markdown-text.js';
import { alertLabels } from './timeline-rows.js';

function resolvedCell(alert: IncidentAlert): string {
  if (alert.state === 'firing' || alert.resolvedAt === undefined) return 'still firing';
  // Alertmanager drops a resolved alert from its API: sitrep knows it between two refreshes.
  const seen = alert.lastSeenAt === undefined ? '' : ` (last seen firing ${formatUtc(alert.lastSeenAt)})`;
  return `${formatUtc(alert.resolvedAt)}${seen}`;
}

/**
 * Alert time and work time, in words. An incident still open is measured to its last event (the
 * journal is all an export knows), and says so, with that event's time.
 */
export function incidentDurations(incident: Incident): { alertTime: string; workTime: string } {
  const starts = incident.alerts.map((a) => a.startsAt).filter((t) => !Number.isNaN(Date.parse(t)));
  const first = [...starts].sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  const firing = incident.alerts.some((a) => a.state === 'firing');
  const ends = incident.alerts.map((a) => a.resolvedAt).filter((t): t is string => t !== undefined);
  const last = [...ends].sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  const future = first !== undefined && isFutureStart(first, Date.parse(incident.openedAt));
  const alertTime =
    first === undefined
      ? 'unknown'
      : future
        ? `${firing || last === undefined ? 'still firing' : 'unknown'} (${futureStartText(first)})`
        : firing || last === undefined
          ? `still firing (since ${formatUtc(first)} UTC)`
          : `${formatDuration(between(first, last))} (${formatUtc(first)} → ${formatUtc(last)} UTC)`;
  const opened = formatUtc(incident.openedAt);
  const workTime =
    incident.closedAt === undefined
      ? `${formatDuration(between(incident.openedAt, incident.updatedAt))} to the last event (opened ${opened} UTC → last event ${formatUtc(incident.updatedAt)} UTC; still open)`
      : `${formatDuration(between(incident.openedAt, incident.closedAt))} (opened ${opened} UTC → closed ${formatUtc(incident.closedAt)} UTC)`;
  return { alertTime, workTime };
}

/** Each alert firing → resolved, then the two durations. */
export function alertsSection(incident: Incident): Iterable<string> {
  const rows = incident.alerts.map(
    (a) =>
      `| ${codeText(alertLabels(incident, a.labels), true)} | ${formatUtc(a.startsAt)} | ${resolvedCell(a)} |`,
  );
  const { alertTime, workTime } = incidentDurations(incident);
  return section('Alerts', [
    '| Alert | Firing since (UTC) | Resolved (UTC) |',
    '| --- | --- | --- |',
    ...rows,
    '',
    `- **Alert time:** ${alertTime}`,
    `- **Work time:** ${workTime}`,
  ]);
}
