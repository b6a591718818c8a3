import type {
  AlertHistoryEvent,
  AlertRecord,
  ProbeResultRecord,
  SilenceMatcherRecord,
  StepRecord,
} from './events.js';
import type { RunbookSource } from '../runbook/runbook.js';

/** Open while being worked; resolved once mitigated; closed when nothing is left to do. */
export type IncidentStatus = 'open' | 'resolved' | 'closed';

/** An alert of the incident and whether it is still firing. */
export interface IncidentAlert extends AlertRecord {
  readonly state: 'firing' | 'resolved';
  /** When sitrep saw it gone from the feed (see AlertResolvedEvent). */
  readonly resolvedAt?: string;
  /** The last time the feed saw it firing before it resolved. */
  readonly lastSeenAt?: string;
}

/** Where a checklist step stands. `at` is when it last changed. */
export interface StepState {
  readonly step: StepRecord;
  readonly status: 'todo' | 'done' | 'skipped';
  readonly at?: string;
  readonly reason?: string;
}

/** The runbook the incident follows (the last one opened). */
export interface IncidentRunbook {
  readonly source: RunbookSource;
  readonly textHash: string;
  readonly title: string;
  readonly openedAt: string;
}

/** A note, in the order it was recorded. */
export interface IncidentNote {
  readonly at: string;
  readonly text: string;
  readonly author?: string;
}

/** One run of a step's probes (or of the alert's own expression when `stepId` is absent). */
export interface IncidentProbeRun {
  readonly at: string;
  readonly stepId?: string;
  /** The fingerprint of the alert the probes ran for. */
  readonly alert?: string;
  readonly probes: readonly ProbeResultRecord[];
}

/** A silence created during the incident. */
export interface IncidentSilence {
  readonly id: string;
  readonly matchers: readonly SilenceMatcherRecord[];
  readonly comment: string;
  readonly author: string;
  readonly endsAt: string;
  readonly createdAt: string;
  readonly expiredAt?: string;
}

/** The state of an incident: the fold of its journal's events. */
export interface Incident {
  readonly id: string;
  readonly title: string;
  readonly alertname: string;
  readonly severity: string;
  readonly status: IncidentStatus;
  readonly summary?: string;
  readonly impact?: string;
  /** True once impact-changed was recorded: a later runbook no longer overwrites the text. */
  readonly impactEdited: boolean;
  readonly openedAt: string;
  readonly resolvedAt?: string;
  readonly closedAt?: string;
  /** Time of the latest event. */
  readonly updatedAt: string;
  readonly alerts: readonly IncidentAlert[];
  readonly runbook?: IncidentRunbook;
  /** The runbook's steps in runbook order, each with its state. */
  readonly steps: readonly StepState[];
  readonly notes: readonly IncidentNote[];
  readonly probeRuns: readonly IncidentProbeRun[];
  readonly silences: readonly IncidentSilence[];
  readonly eventCount: number;
  /** The alert's history as last recorded (alert-history); absent in older journals. */
  readonly history?: AlertHistoryEvent;
  /** Events the fold ignored and why (e.g. a step id the runbook does not have). */
  readonly problems: readonly string[];
}

/** How far the checklist is: steps done, skipped, and in all. */
export interface StepProgress {
  readonly done: number;
  readonly skipped: number;
  readonly total: number;
}

/** Counts the incident's steps by state. */
export function stepProgress(incident: Incident): StepProgress {
  const count = (status: StepState['status']) => incident.steps.filter((s) => s.status === status).length;
  return { done: count('done'), skipped: count('skipped'), total: incident.steps.length };
}

/** When the incident began: the first of its alerts started firing (or it was opened, if earlier). */
export function incidentStart(incident: Incident): string {
  const times = incident.alerts.map((a) => a.startsAt).filter((t) => !Number.isNaN(Date.parse(t)));
  return times.reduce((min, t) => (Date.parse(t) < Date.parse(min) ? t : min), incident.openedAt);
}
