// The postmortem's Detection section: which alert, when it fired and was opened, and the detection
// lag from the alert expression's range data. Table and sentence are written from the same rows.
import { formatDuration, formatSeconds } from '../format/duration.js';
import { formatLabels } from '../format/labels.js';
import { formatThreshold } from '../probe/threshold.js';
import { incidentStart, type Incident } from '../timeline/incident.js';
import {
  detectionInputFromIncident,
  detectionRows,
  type DetectionInput,
  type DetectionRow,
  type LagBound,
  type TimeBound,
} from './detection-lag.js';
import { between, firstAlertStart, formatUtc } from './format.js';
import { futureStartNote } from '../format/start-time.js';
import { codeText, inlineText } from './markdown-text.js';
import { section } from './markdown-sections.js';
import { alertLabels } from './timeline-rows.js';

/** Which alert, when it fired, when sitrep opened it, and the detection lag when known. */
export function detectionSection(incident: Incident, explicit: DetectionInput | undefined): Iterable<string> {
  const firing = incidentStart(incident);
  const first = firstAlertStart(incident);
  const alerts = incident.alerts.map((a) => codeText(alertLabels(incident, a.labels)));
  const lines = [
    `- **Alert:** ${inlineText(incident.alertname)} (${inlineText(incident.severity)}), ${alerts.length} ${alerts.length === 1 ? 'alert' : 'alerts'}: ${alerts.join(', ')}`,
    first.future
      ? `- **Started firing:** ${formatUtc(first.at)} UTC (${futureStartNote}; sitrep opened the incident at ${formatUtc(incident.openedAt)} UTC)`
      : `- **Started firing:** ${formatUtc(firing)} UTC`,
    `- **Opened in sitrep:** ${formatUtc(incident.openedAt)} UTC`,
    first.future
      ? `- **Time to acknowledge:** unknown (the alert's start is ${futureStartNote})`
      : `- **Time to acknowledge:** ${formatDuration(between(firing, incident.openedAt))}`,
    '',
  ];
  return section('Detection', lines, detectionLag(incident, explicit));
}

function detectionLag(incident: Incident, explicit: DetectionInput | undefined): string[] {
  const input = explicit ?? detectionInputFromIncident(incident);
  if (input === undefined) {
    return ['_Detection lag unknown: the alert expression was not queried over time._', ''];
  }
  const threshold = codeText(formatThreshold(input.threshold));
  const rows = detectionRows(incident, input);
  const time = (iso: string | undefined) => (iso === undefined ? '—' : formatUtc(iso));
  const table = rows.map((r) => {
    const cells = [
      codeText(formatLabels(r.labels), true),
      time(r.risingAt),
      r.crossed === undefined ? '—' : crossedText(r.crossed),
      time(r.firingAt),
      lagText(r.risingToFiring ?? r.crossedToFiring),
      lagText(r.crossedToFiring),
      r.firingAt === undefined ? '—' : openedLagCell(between(r.firingAt, r.openedAt)),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    '### Detection lag',
    '',
    `From the alert expression ${codeText(input.query)} compared with ${threshold}, sampled every ${formatSeconds(input.stepSeconds)}, so a crossing is known only to lie between two samples (UTC):`,
    '',
    '| Series | Started rising | Crossed threshold | Alert firing | Rising → firing | Crossed → firing | Firing → opened |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...table,
    '',
    detectionSentence(rows, threshold),
    '',
  ];
}

/**
 * The sentence under the table, from the same rows: the first series that crossed and belongs to an
 * alert of the incident decides, else the first that crossed at all.
 */
function detectionSentence(rows: readonly DetectionRow[], threshold: string): string {
  const crossing = rows.filter((r) => r.crossed !== undefined);
  const first = crossing.find((r) => r.firingAt !== undefined) ?? crossing[0];
  if (first?.crossed === undefined) {
    const early = rows.find(
      (r) =>
        r.firingAt !== undefined &&
        r.lastSampleAt !== undefined &&
        Date.parse(r.lastSampleAt) < Date.parse(r.firingAt),
    );
    if (early?.lastSampleAt !== undefined) {
      return `The range that was queried ends at ${formatUtc(early.lastSampleAt)} UTC, before the alert fired, so it cannot show the crossing: the detection lag is unknown.`;
    }
    return rows.some((r) => r.firingAt !== undefined)
      ? `The expression did not cross ${threshold} before the alert fired, in the range that was queried: the detection lag is unknown.`
      : `The expression never crossed ${threshold} in the range that was queried.`;
  }
  const series = codeText(formatLabels(first.labels));
  if (first.firingAt === undefined || first.crossedToFiring === undefined) {
    return `${series} crossed ${threshold} ${crossedText(first.crossed)} UTC, but no alert of this incident carries its labels, so the detection lag is unknown.`;
  }
  const opened = openedLagWords(between(first.firingAt, first.openedAt));
  if (first.crossed.after === undefined) {
    const already = `The expression was already past ${threshold} when the range that was queried begins`;
    return first.crossedToFiring.min === 0
      ? `${already}, so the detection lag is unknown; ${opened}`
      : `${already}, so the alert fired ${lagText(first.crossedToFiring)} after it crossed; ${opened}`;
  }
  const crossed = `${lagText(first.crossedToFiring)} after it crossed ${threshold} (${crossedText(first.crossed)} UTC)`;
  const rising =
    first.risingToFiring === undefined
      ? ''
      : `${lagText(first.risingToFiring)} after ${series} started rising and `;
  return `The alert fired ${rising}${crossed}; ${opened}`;
}

// An incident opened before the alert's current firing began (it resolved and fired again, or the
// incident was opened from another alert) has no "opened after it fired" lag: it says so, never a
// negative duration.
function openedLagCell(ms: number): string {
  return ms < 0 ? `opened ${formatDuration(-ms)} before` : formatDuration(ms);
}

function openedLagWords(ms: number): string {
  return ms < 0
    ? `the incident was already open, ${formatDuration(-ms)} before the alert fired.`
    : `the incident was opened ${formatDuration(ms)} after the alert fired.`;
}

/** `2026-11-23 04:18:24`, `between 2026-11-23 04:18:20 and 04:18:24`, or `at or before …`. */
function crossedText(bound: TimeBound): string {
  if (bound.after === undefined) return `at or before ${formatUtc(bound.atLatest)}`;
  if (between(bound.after, bound.atLatest) <= 1000) return formatUtc(bound.atLatest);
  const from = formatUtc(bound.after);
  const to = formatUtc(bound.atLatest);
  // The second time without its date when both fall on the same day.
  return `between ${from} and ${from.slice(0, 10) === to.slice(0, 10) ? to.slice(11) : to}`;
}

/**
 * `15 s`; `0 s to 4 s` when the samples are too far apart to say more; `at least 5 min` when the
 * range began past the threshold; `unknown` when there is no bound at all.
 */
function lagText(bound: LagBound | undefined): string {
  if (bound === undefined || (bound.max === undefined && bound.min === 0)) return 'unknown';
  if (bound.max === undefined) return `at least ${formatDuration(bound.min)}`;
  if (bound.max - bound.min <= 1000) return formatDuration(bound.min);
  return `${formatDuration(bound.min)} to ${formatDuration(bound.max)}`;
}
