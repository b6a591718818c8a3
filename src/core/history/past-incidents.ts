// What helped last time: the incidents sitrep recorded for the same alert, those whose alerts had
// the same identifying labels first, each with when it started, how long it lasted, the mitigation
// steps done and the notes. Read from the folded journals; nothing here touches the disk.
import type { LabelSet } from '../alerts/alert.js';
import { formatUtc } from '../export/format.js';
import { formatDuration } from '../format/duration.js';
import { incidentListItem } from '../timeline/incident-summary.js';
import type { Incident } from '../timeline/incident.js';
import { sanitizeLine } from '../sanitize-text.js';

/** A recorded incident for the alert, in the facts "last time" needs. */
export interface PastIncident {
  readonly id: string;
  readonly status: Incident['status'];
  /** When its first alert started firing (ISO). */
  readonly startedAt: string;
  readonly durationSeconds: number;
  /** Its alerts carried every label asked about. */
  readonly sameLabels: boolean;
  readonly runbookTitle: string | undefined;
  /** Mitigation steps ticked done, in the runbook's order. */
  readonly mitigationsDone: readonly {
    readonly id: string;
    readonly text: string;
    readonly at: string | undefined;
  }[];
  readonly notes: readonly { readonly at: string; readonly text: string }[];
}

// Labels that say nothing about which thing broke.
const notIdentifying = new Set(['alertname', 'severity', '__name__']);

/**
 * The incidents for `alertname` (except `exceptId`, the one being worked), same labels first, then
 * newest first. `labels` are the alert's (or the ones asked about); `now` (ISO) measures open ones.
 */
export function pastIncidents(
  incidents: readonly Incident[],
  alertname: string,
  labels: LabelSet,
  now: string,
  exceptId?: string,
): PastIncident[] {
  const identifying = Object.entries(labels).filter(([name]) => !notIdentifying.has(name));
  return incidents
    .filter((incident) => incident.alertname === alertname && incident.id !== exceptId)
    .map((incident): PastIncident => {
      const item = incidentListItem(incident, now);
      return {
        id: incident.id,
        status: incident.status,
        startedAt: item.startedAt,
        durationSeconds: item.durationSeconds,
        sameLabels:
          identifying.length > 0 &&
          incident.alerts.some((alert) => identifying.every(([name, value]) => alert.labels[name] === value)),
        runbookTitle: incident.runbook?.title,
        mitigationsDone: incident.steps
          .filter((s) => s.step.section === 'mitigation' && s.status === 'done')
          .map((s) => ({ id: s.step.id, text: s.step.text, at: s.at })),
        notes: incident.notes.map((note) => ({ at: note.at, text: note.text })),
      };
    })
    .sort(
      (a, b) =>
        Number(b.sameLabels) - Number(a.sameLabels) || Date.parse(b.startedAt) - Date.parse(a.startedAt),
    );
}

/** `M2` for `mitigation-2`, `D1` for `diagnosis-1`. */
export function shortStepId(id: string): string {
  const match = /^(diagnosis|mitigation)-(\d+)$/.exec(id);
  return match ? `${match[1] === 'diagnosis' ? 'D' : 'M'}${match[2]}` : id;
}

/**
 * One line for the terminal: `2026-11-20, 40m 00s: M1 done, note: "restarted app on web1"`.
 * Untrusted text (steps, notes) is sanitized and cut short.
 */
export function pastIncidentLine(past: PastIncident): string {
  const date = formatUtc(past.startedAt).slice(0, 10);
  const lasted = `${formatDuration(past.durationSeconds * 1000)}${past.status === 'open' ? ' so far' : ''}`;
  const done = past.mitigationsDone.map((m) => shortStepId(m.id));
  const what = done.length > 0 ? `${done.join(', ')} done` : 'no mitigation step done';
  const note = past.notes.at(-1);
  return `${date}, ${lasted}: ${what}${note ? `, note: "${short(note.text, 60)}"` : ''}`;
}

/** Several lines for `sitrep history`: the line above, then each mitigation done and each note. */
export function describePastIncident(past: PastIncident): string[] {
  const same = past.sameLabels ? ' (same labels)' : '';
  const lines = [
    `${past.id}  ${past.status}${same}  started ${formatUtc(past.startedAt)} UTC, lasted ${formatDuration(past.durationSeconds * 1000)}${past.status === 'open' ? ' so far' : ''}`,
  ];
  if (past.runbookTitle !== undefined) lines.push(`  runbook: ${short(past.runbookTitle, 80)}`);
  for (const m of past.mitigationsDone) lines.push(`  done ${shortStepId(m.id)}: ${short(m.text, 80)}`);
  if (past.mitigationsDone.length === 0) lines.push('  no mitigation step was ticked done');
  for (const note of past.notes) lines.push(`  note ${formatUtc(note.at)} UTC: ${short(note.text, 100)}`);
  return lines;
}

function short(text: string, max: number): string {
  const line = sanitizeLine(
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? '',
  );
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
