// The incident journal's vocabulary. Every line of a journal file is one of these events, written
// with the schema version first (`{"v":1,"at":…,"type":…,…}`); the incident is their fold.
import type { LabelSet } from '../alerts/alert.js';
import type { Threshold } from '../probe/probe-spec.js';
import type { RunbookSource, StepSection } from '../runbook/runbook.js';

/** The journal line format this code writes; lines with a higher version are set aside, not guessed at. */
export const timelineSchemaVersion = 1;

/** One alert of an incident as it was when recorded. */
export interface AlertRecord {
  readonly fingerprint: string;
  readonly labels: LabelSet;
  /** ISO time the alert started firing (Alertmanager `startsAt` / Prometheus `activeAt`). */
  readonly startsAt: string;
}

/** A runbook step as recorded, so an export reads on its own without the runbook file. */
export interface StepRecord {
  readonly id: string;
  readonly section: StepSection;
  readonly group?: string;
  readonly text: string;
}

/** How a probe's value was judged: within bounds, past `warn`, past `crit`, no series, or failed. */
export type ProbeVerdict = 'ok' | 'warn' | 'critical' | 'no-data' | 'unjudged' | 'error';

/** One series of an instant query. `value` may be NaN or ±Inf (written as "NaN", "+Inf", "-Inf"). */
export interface ProbeSeriesRecord {
  readonly labels: LabelSet;
  readonly value: number;
}

/** A sample of a range query: [unix seconds, value]; the value may be NaN or ±Inf. */
export type RangePoint = readonly [time: number, value: number];

/** One series of a range query over the probe's window. */
export interface RangeSeriesRecord {
  readonly labels: LabelSet;
  readonly points: readonly RangePoint[];
}

/**
 * What one probe returned when it ran. Plain data: the probe engine maps its results into this.
 * `role: 'alert-rule'` marks the alert's own expression (without its comparison), whose range data
 * and `crit` threshold give the detection lag in the postmortem.
 */
export interface ProbeResultRecord {
  readonly title: string;
  /** The final query sent to Prometheus, with the alert's labels filled in. */
  readonly query: string;
  /** ISO time the query was evaluated at. */
  readonly ranAt: string;
  readonly verdict: ProbeVerdict;
  /** Why the probe failed (verdict `error`), as shown to the engineer. */
  readonly error?: string;
  readonly unit?: string;
  readonly warn?: Threshold;
  readonly crit?: Threshold;
  readonly series: readonly ProbeSeriesRecord[];
  readonly range?: { readonly stepSeconds: number; readonly series: readonly RangeSeriesRecord[] };
  readonly role?: 'alert-rule';
}

/** One Alertmanager silence matcher. */
export interface SilenceMatcherRecord {
  readonly name: string;
  readonly value: string;
  readonly isRegex: boolean;
  /** false for `!=` and `!~`. */
  readonly isEqual: boolean;
}

interface EventBase {
  /** ISO 8601 time the event happened, in UTC (`…Z`). */
  readonly at: string;
}

/** The first event of every journal. */
export interface IncidentOpenedEvent extends EventBase {
  readonly type: 'incident-opened';
  readonly id: string;
  readonly title: string;
  readonly alertname: string;
  readonly severity: string;
  readonly alerts: readonly AlertRecord[];
  /** The alert's `summary` annotation, as a starting point for the postmortem summary. */
  readonly summary?: string;
}

/** An alert of the incident was seen firing (again, or for the first time if it joined later). */
export interface AlertFiringEvent extends EventBase {
  readonly type: 'alert-firing';
  /** The alert as the feed saw it; `startsAt` is Alertmanager's time (`at` is when sitrep saw it). */
  readonly alert: AlertRecord;
  /** Who added the alert to the incident, when it joined by the engineer's choice (not by opening). */
  readonly addedBy?: string;
}

/** An alert of the incident stopped firing. */
export interface AlertResolvedEvent extends EventBase {
  readonly type: 'alert-resolved';
  readonly fingerprint: string;
  /**
   * When the feed last saw it firing. Alertmanager drops a resolved alert from its API, so the
   * resolution happened between this and `at` (the first refresh without it).
   */
  readonly lastSeenAt?: string;
}

/** The engineer opened a runbook for the incident (again: step states carry over by step id). */
export interface RunbookOpenedEvent extends EventBase {
  readonly type: 'runbook-opened';
  readonly source: RunbookSource;
  /** `sha256:<hex>` of the runbook text, to tell later which version was followed. */
  readonly textHash: string;
  readonly title: string;
  readonly impact?: string;
  readonly steps: readonly StepRecord[];
}

/** A checklist step was ticked, skipped or un-ticked. */
export interface StepEvent extends EventBase {
  readonly type: 'step-done' | 'step-skipped' | 'step-reopened';
  readonly stepId: string;
  /** Why a step was skipped, when the engineer said. */
  readonly reason?: string;
}

/** Free text from the engineer, the UI or `sitrep note`. */
export interface NoteAddedEvent extends EventBase {
  readonly type: 'note-added';
  readonly text: string;
  readonly author?: string;
}

/** A step's probes were run (or the alert's own expression, with no step). */
export interface ProbeRunEvent extends EventBase {
  readonly type: 'probe-run';
  readonly stepId?: string;
  /** The fingerprint of the alert whose labels filled the queries (absent in older journals). */
  readonly alert?: string;
  readonly probes: readonly ProbeResultRecord[];
}

/** A silence was created from sitrep (or seen covering the incident's alerts). */
export interface SilenceCreatedEvent extends EventBase {
  readonly type: 'silence-created';
  readonly silenceId: string;
  readonly matchers: readonly SilenceMatcherRecord[];
  readonly comment: string;
  readonly author: string;
  readonly endsAt: string;
  /** The Alertmanager (display name) that took it; absent in journals written before it was kept. */
  readonly alertmanager?: string;
}

/** A silence ended or was expired by hand. */
export interface SilenceExpiredEvent extends EventBase {
  readonly type: 'silence-expired';
  readonly silenceId: string;
  /** The Alertmanager that expired it, when sitrep did. */
  readonly alertmanager?: string;
}

/** The incident's severity, summary or impact text was edited. */
export interface FieldChangedEvent extends EventBase {
  readonly type: 'severity-changed' | 'summary-changed' | 'impact-changed';
  readonly value: string;
}

/** The engineer declared the incident mitigated, or closed it (nothing more to do). */
export interface StatusEvent extends EventBase {
  readonly type: 'incident-resolved' | 'incident-closed';
}

/** One firing episode of the alert as the history recorded it. */
export interface HistoryEpisodeRecord {
  /** First and last time (ISO) it was seen firing, each to within the history's step. */
  readonly start: string;
  readonly end: string;
  /** Still firing when the history was read. */
  readonly ongoing: boolean;
  /** Already firing when the window began (so it began earlier). */
  readonly startedBefore: boolean;
  readonly labels: LabelSet;
}

/**
 * The alert's history as Prometheus's ALERTS series told it while the incident was worked, recorded
 * once so the postmortem can show it after Prometheus has forgotten. Absent from older journals.
 */
export interface AlertHistoryEvent extends EventBase {
  readonly type: 'alert-history';
  /** Where it was read: `prometheus` (ALERTS series). */
  readonly source: string;
  /** The PromQL selector it was read with. */
  readonly selector: string;
  /** The window read (ISO); shorter than asked for when retention is. */
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly requestedSeconds: number;
  /** The range query's step: every time is to within it. */
  readonly stepSeconds: number;
  /** False when the backend had no ALERTS series at all: whether it fired before is unknown. */
  readonly alertsSeriesFound: boolean;
  /** Episodes in the window (all of them, though only the newest are listed). */
  readonly count: number;
  readonly firingSeconds: number;
  /** The newest episodes, oldest first. */
  readonly episodes: readonly HistoryEpisodeRecord[];
  /** The time of day most starts fall near, when there is one. */
  readonly recurring?: {
    /** Minutes after midnight in the zone `zoneOffsetMinutes` east of UTC. */
    readonly minuteOfDay: number;
    readonly zoneOffsetMinutes: number;
    readonly starts: number;
    readonly total: number;
    readonly days: number;
  };
}

/** Any line of an incident journal. */
export type TimelineEvent =
  | IncidentOpenedEvent
  | AlertFiringEvent
  | AlertResolvedEvent
  | RunbookOpenedEvent
  | StepEvent
  | NoteAddedEvent
  | ProbeRunEvent
  | SilenceCreatedEvent
  | SilenceExpiredEvent
  | FieldChangedEvent
  | StatusEvent
  | AlertHistoryEvent;
