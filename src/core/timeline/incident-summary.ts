// An incident in a few facts, for `sitrep incidents` (a table row or JSON) and `sitrep resume`.
import { formatUtc } from '../export/format.js';
import { formatDuration } from '../format/duration.js';
import { sanitizeLine } from '../sanitize-text.js';
import {
  incidentStart,
  stepProgress,
  type Incident,
  type IncidentStatus,
  type StepProgress,
} from './incident.js';

/** One incident as `sitrep incidents --json` lists it. */
export interface IncidentListItem {
  readonly id: string;
  readonly status: IncidentStatus;
  readonly title: string;
  readonly alertname: string;
  readonly severity: string;
  readonly alerts: number;
  readonly firing: number;
  /** When the first alert started firing (ISO). */
  readonly startedAt: string;
  readonly openedAt: string;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  /** From the start to resolved/closed, or to `now` while it is open. */
  readonly durationSeconds: number;
  readonly progress: StepProgress;
  readonly notes: number;
}

/** The list facts of an incident; `now` (ISO) measures the duration of one still open. */
export function incidentListItem(incident: Incident, now: string): IncidentListItem {
  const startedAt = incidentStart(incident);
  const end = incident.resolvedAt ?? incident.closedAt ?? now;
  return {
    id: incident.id,
    status: incident.status,
    title: incident.title,
    alertname: incident.alertname,
    severity: incident.severity,
    alerts: incident.alerts.length,
    firing: incident.alerts.filter((a) => a.state === 'firing').length,
    startedAt,
    openedAt: incident.openedAt,
    resolvedAt: incident.resolvedAt ?? null,
    closedAt: incident.closedAt ?? null,
    durationSeconds: Math.max(0, Math.round((Date.parse(end) - Date.parse(startedAt)) / 1000)),
    progress: stepProgress(incident),
    notes: incident.notes.length,
  };
}

/** `2/5 done, 1 skipped`, or `no runbook`. */
export function formatProgress(progress: StepProgress): string {
  if (progress.total === 0) return 'no runbook';
  const skipped = progress.skipped > 0 ? `, ${progress.skipped} skipped` : '';
  return `${progress.done}/${progress.total} done${skipped}`;
}

/** A few lines saying where an incident stands, for the terminal (untrusted text sanitized). */
export function describeIncident(incident: Incident, now: string): string[] {
  const item = incidentListItem(incident, now);
  const duration = formatDuration(item.durationSeconds * 1000);
  const lasting = incident.status === 'open' ? `${duration} so far` : `lasted ${duration}`;
  const runbook =
    incident.runbook === undefined
      ? 'none opened'
      : `${sanitizeLine(incident.runbook.title)} (${formatProgress(item.progress)})`;
  return [
    `${item.id}  ${item.status}  ${sanitizeLine(item.severity)}`,
    `${sanitizeLine(item.title)}: ${item.alerts} ${item.alerts === 1 ? 'alert' : 'alerts'}, ${item.firing} firing`,
    `Started ${formatUtc(item.startedAt)} UTC (${lasting}); opened in sitrep ${formatUtc(item.openedAt)} UTC`,
    `Runbook: ${runbook}`,
    `Notes: ${item.notes}, probe runs: ${incident.probeRuns.length}, silences: ${incident.silences.length}`,
  ];
}
