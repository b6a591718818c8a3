// Live probes re-run every few seconds; the journal keeps a run only when it says something new,
// so the timeline reads as what changed rather than a heartbeat.
import type { LabelSet } from '../alerts/alert.js';
import type { ProbeResultRecord, ProbeRunEvent } from './events.js';
import type { Incident, IncidentProbeRun } from './incident.js';

/**
 * Values equal to two significant digits (152 and 149 both ≈ 150) are the same reading: a rate
 * under steady load moves a little on every evaluation, and a line for each would flood the
 * timeline. A verdict change is always recorded, however small the step that caused it.
 */
function shown(value: number): string {
  return Number.isFinite(value) ? value.toPrecision(2) : String(value);
}

function labelKey(labels: LabelSet): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

/** What of a probe's result counts: its verdict, its error, and each series' labels and value. */
function outcome(probe: ProbeResultRecord): string {
  const series = probe.series.map((s) => `${labelKey(s.labels)}=${shown(s.value)}`).sort();
  return JSON.stringify([probe.title, probe.query, probe.verdict, probe.error ?? '', series]);
}

/** The step's (or the alert expression's, stepId undefined) latest recorded run, if any. */
export function lastProbeRun(incident: Incident, stepId: string | undefined): IncidentProbeRun | undefined {
  return incident.probeRuns.findLast((run) => run.stepId === stepId);
}

/** True when a run differs from the last recorded one in a value, a verdict, an error or its alert. */
export function probeRunChanged(previous: IncidentProbeRun | undefined, next: ProbeRunEvent): boolean {
  if (previous === undefined) return true;
  if ((previous.alert ?? '') !== (next.alert ?? '')) return true;
  if (previous.probes.length !== next.probes.length) return true;
  return previous.probes.some((probe, i) => {
    const other = next.probes[i];
    return other === undefined || outcome(probe) !== outcome(other);
  });
}
