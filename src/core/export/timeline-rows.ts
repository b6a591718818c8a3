// One line of the postmortem's timeline table per event, in Markdown (escaped).
import type { LabelSet } from '../alerts/alert.js';
import type { TimelineEvent } from '../timeline/events.js';
import type { Incident } from '../timeline/incident.js';
import { formatLabels } from '../format/labels.js';
import { futureStartNote, isFutureStart } from '../format/start-time.js';
import { recordedVerdict } from '../probe/timeline-record.js';
import { verdictText } from '../probe/verdict.js';
import { formatUtc, futureStartText } from './format.js';
import { codeText, inlineText, oneSpace } from './markdown-text.js';
import { historyCount } from '../history/history-event.js';

/** A timeline row: when, and what happened (already Markdown). */
export interface TimelineRow {
  readonly at: string;
  readonly text: string;
}

/**
 * The timeline: a row per event plus a row for when each alert started firing, ordered by time
 * (rows at the same time keep journal order, so the result is stable).
 */
export function timelineRows(incident: Incident, events: readonly TimelineEvent[]): TimelineRow[] {
  return timelineOrder(incident, events).map((row) =>
    typeof row === 'number' ? eventRow(incident, events[row] as TimelineEvent) : row,
  );
}

/**
 * timelineRows with each event's row left as its index in `events`, to be described as it is
 * written (so 10,000 rows are not all held at once); the alert-start rows are whole.
 */
export function timelineOrder(
  incident: Incident,
  events: readonly TimelineEvent[],
): (TimelineRow | number)[] {
  const opened = events.find((e) => e.type === 'incident-opened');
  const firing = (opened?.alerts ?? []).map((alert) => alertStartRow(incident, alert, opened?.at ?? ''));
  // A journal is written in time order, and the few alert-start rows go in front: when the events
  // are in order, those few are sorted and merged in (the order the full sort below gives).
  const merged = mergeInOrder(firing, events);
  if (merged !== undefined) return merged;
  return sortedRows([...firing, ...events.map((event) => eventRow(incident, event))]);
}

/** The row for when an alert started firing; a start after `seenAt` is in the future, and says so. */
export function alertStartRow(
  incident: Incident,
  alert: { readonly labels: LabelSet; readonly startsAt: string },
  seenAt: string,
): TimelineRow {
  const future = isFutureStart(alert.startsAt, Date.parse(seenAt));
  return {
    at: alert.startsAt,
    text: `Alert ${codeText(alertLabels(incident, alert.labels), true)} started firing${future ? ` (${futureStartNote})` : ''}`,
  };
}

/** An event's row of the timeline. */
export function eventRow(incident: Incident, event: TimelineEvent): TimelineRow {
  return { at: event.at, text: describeEvent(incident, event) };
}

/** The rows ordered by time, rows at the same time in the given order (also when times are bad). */
export function sortedRows(rows: readonly TimelineRow[]): TimelineRow[] {
  const ms = rows.map((row) => Date.parse(row.at));
  if (ms.every((t, i) => i === 0 || t >= (ms[i - 1] ?? t))) return [...rows];
  return rows
    .map((row, index) => ({ row, index, ms: ms[index] ?? NaN }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map((entry) => entry.row);
}

/**
 * The order `sortedRows` gives the alert-start rows `first` followed by the events' rows, as rows
 * and event indices, when the events are already in time order and every time reads as a time;
 * undefined otherwise (a bad time makes the sort's order its own, so it is left to it).
 */
function mergeInOrder(
  first: readonly TimelineRow[],
  events: readonly TimelineEvent[],
): (TimelineRow | number)[] | undefined {
  const ms = events.map((event) => Date.parse(event.at));
  for (let i = 0; i < ms.length; i += 1) if (!((ms[i] ?? NaN) >= (ms[i - 1] ?? -Infinity))) return undefined;
  const head = sortedRows(first);
  const headMs = head.map((row) => Date.parse(row.at));
  if (headMs.some(Number.isNaN)) return undefined;
  const out: (TimelineRow | number)[] = [];
  let h = 0;
  for (let i = 0; i < ms.length; i += 1) {
    while (h < head.length && (headMs[h] ?? 0) <= (ms[i] ?? 0)) out.push(head[h++] as TimelineRow);
    out.push(i);
  }
  while (h < head.length) out.push(head[h++] as TimelineRow);
  return out;
}

/** The labels that tell the incident's alerts apart (all but alertname/severity for one alert). */
export function alertLabels(incident: Incident, labels: LabelSet): string {
  // With several alerts, labels they all share (job, backend, …) say nothing about which one.
  const sharedByAll = (name: string) =>
    incident.alerts.length > 1 && incident.alerts.every((a) => a.labels[name] === labels[name]);
  const kept = Object.entries(labels).filter(
    ([name]) => name !== 'alertname' && name !== 'severity' && !sharedByAll(name),
  );
  return formatLabels(Object.fromEntries(kept));
}

function describeEvent(incident: Incident, event: TimelineEvent): string {
  switch (event.type) {
    case 'incident-opened':
      return `Incident opened in sitrep: ${inlineText(event.title)}`;
    case 'alert-firing':
      return `Alert ${codeText(alertLabels(incident, event.alert.labels), true)} ${event.addedBy === undefined ? 'firing' : `added to the incident by ${inlineText(event.addedBy)}, firing`} (${isFutureStart(event.alert.startsAt, Date.parse(event.at)) ? futureStartText(event.alert.startsAt) : `since ${formatUtc(event.alert.startsAt)} UTC`})`;
    case 'alert-resolved': {
      const alert = incident.alerts.find((a) => a.fingerprint === event.fingerprint);
      const name = alert === undefined ? inlineText(event.fingerprint) : alertLabels(incident, alert.labels);
      const seen =
        event.lastSeenAt === undefined ? '' : ` (last seen firing ${formatUtc(event.lastSeenAt)} UTC)`;
      return `Alert ${codeText(name, true)} resolved${seen}`;
    }
    case 'runbook-opened':
      return `Runbook opened: ${inlineText(event.title)}`;
    case 'step-done':
      return `Done: ${stepText(incident, event.stepId)}`;
    case 'step-skipped':
      return `Skipped: ${stepText(incident, event.stepId)}${event.reason ? ` (${inlineText(short(event.reason))})` : ''}`;
    case 'step-reopened':
      return `Reopened: ${stepText(incident, event.stepId)}`;
    case 'note-added':
      return `Note: ${inlineText(short(event.text))}`;
    case 'probe-run': {
      const what =
        event.stepId === undefined ? 'the alert expression' : `“${stepText(incident, event.stepId)}”`;
      const results = event.probes
        .map((p) => `${inlineText(p.title)} (${verdictText[recordedVerdict(p)]})`)
        .join(', ');
      return `Probes for ${what}: ${results || 'none'}`;
    }
    case 'silence-created':
      return `Silence ${inlineText(event.silenceId)} created${through(event.alertmanager)} until ${formatUtc(event.endsAt)} UTC`;
    case 'silence-expired':
      return `Silence ${inlineText(event.silenceId)} expired${through(event.alertmanager)}`;
    case 'severity-changed':
      return `Severity set to ${inlineText(event.value)}`;
    case 'summary-changed':
      return 'Summary updated';
    case 'impact-changed':
      return 'Impact updated';
    case 'incident-resolved':
      return 'Incident resolved';
    case 'incident-closed':
      return 'Incident closed';
    case 'alert-history':
      return `Alert history read from ${inlineText(event.source)}: ${historyCount(event)}`;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function stepText(incident: Incident, stepId: string): string {
  const state = incident.steps.find((s) => s.step.id === stepId);
  return state === undefined ? `step ${inlineText(stepId)}` : inlineText(short(state.step.text));
}

// ` through alertmanager am-2`, when the event says which Alertmanager took it.
function through(alertmanager: string | undefined): string {
  return alertmanager === undefined ? '' : ` through alertmanager ${inlineText(alertmanager)}`;
}

/** Long text cut to one readable table line; the full text is in its own section. */
export function short(text: string, max = 80): string {
  const line = oneSpace(text).trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
