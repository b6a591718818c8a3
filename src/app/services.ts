import type { Alert } from '../core/alerts/alert.js';
import type { Matcher } from '../core/alerts/matchers.js';
import type { ProbeStep } from '../core/probe/probe.js';
import type { ProbeResult } from '../core/probe/result.js';
import type { TimelineEvent } from '../core/timeline/events.js';
import type { Incident } from '../core/timeline/incident.js';
import type { AlertFeed } from '../sources/alert-feed.js';
import type { AlertFacts } from './alert-facts.js';
import type { AlertPast } from './alert-past.js';
import type { TimelineRow } from '../core/export/timeline-rows.js';

/** Whether the incident journal is keeping up with the disk. */
export interface RecordingStatus {
  readonly ok: boolean;
  /** Events waiting to be written (kept in memory, retried). */
  readonly pending: number;
  /** Why writing fails, in words; undefined when ok. */
  readonly error: string | undefined;
}

/** What the workspace shows of the runbook. */
export interface WorkspaceRunbook {
  readonly title: string;
  /** "runbooks/haproxy/X.md", "https://…", or "built-in generic runbook". */
  readonly sourceLabel: string;
  readonly meaning: string | undefined;
  readonly impact: string | undefined;
  /** What the runbook lacks or got wrong, in words. */
  readonly problems: readonly string[];
  readonly links: readonly string[];
  /** Remarks under Diagnosis or Mitigation that are not steps, as "Diagnosis: …" lines. */
  readonly notes?: readonly string[];
}

/** What the postmortem notes are written as: Markdown, JSON events, or one self-contained HTML file. */
export type ExportFormat = 'md' | 'json' | 'html';

/** A new silence as the dialog asks for it. */
export interface SilenceRequest {
  readonly matchers: readonly Matcher[];
  readonly durationMs: number;
  readonly comment: string;
}

/** The probes of a session that opened before its alert rule was known. */
export interface ProbePlan {
  readonly probeSteps: readonly ProbeStep[];
  readonly volatileLabels: readonly string[];
  /** Why the alert-expression probe is missing (the rule lookup failed), in words. */
  readonly problems: readonly string[];
}

/** One incident being worked: its journal, its runbook, its probes, its silences. */
export interface WorkspaceSession {
  readonly id: string;
  readonly runbook: WorkspaceRunbook;
  /** The alert's own expression first (when found), then each runbook step that has probes. */
  readonly probeSteps: readonly ProbeStep[];
  /** The alert whose labels the probes use (recorded with each probe run). */
  readonly probeAlert: Alert;
  /** Labels whose value changes per evaluation (left out of silence matchers). */
  readonly volatileLabels: readonly string[];
  /**
   * Present when the session opened before the alert rule answered: probeSteps and volatileLabels
   * are then empty until it resolves with them (and the rule lookup's problems, in words).
   */
  readonly probePlan?: Promise<ProbePlan>;
  /** The incident as recorded so far (the fold of its journal). */
  incident(): Incident;
  recording(): RecordingStatus;
  /** The journal's events so far, oldest first (for the workspace's timeline view). */
  journalEvents?(): readonly TimelineEvent[];
  /** Looks up the alert facts of the incident's alerts (see AlertFacts); never rejects. */
  alertFacts?(): Promise<AlertFacts>;
  /** Called whenever incident() or recording() changes. */
  subscribe(listener: () => void): () => void;
  /** Appends an event; resolves once it is on disk, or queued in memory when the disk fails. */
  record(event: TimelineEvent): Promise<void>;
  /**
   * Runs a step's probes, cancelling any run in flight; undefined when this run was cancelled. The
   * run is journaled when a value or verdict differs from the step's last recorded run.
   */
  runProbes(
    stepId: string,
    onResult: (result: ProbeResult) => void,
  ): Promise<readonly ProbeResult[] | undefined>;
  cancelProbes(): void;
  /**
   * The alert's past: its history from Prometheus and the incidents recorded for it before. Never
   * rejects for a source that fails (that is said in its words). Absent where there is none to ask.
   */
  alertPast?(): Promise<AlertPast>;
  /** A past incident's timeline rows (read-only), by id; absent where there is none to ask. */
  pastIncidentRows?(id: string): Promise<readonly TimelineRow[]>;
  /**
   * Creates the silence through the first Alertmanager that answers and records it; resolves with
   * its id and that Alertmanager's name.
   */
  silence(
    request: SilenceRequest,
    author: string,
  ): Promise<{ readonly id: string; readonly alertmanager: string }>;
  /** Writes the postmortem notes; resolves with the absolute path written. */
  exportNotes(format: ExportFormat, path: string): Promise<string>;
  /** Closes the incident: expires the silences it created when asked, then records incident-closed. */
  closeIncident(expireSilences: boolean): Promise<void>;
  /**
   * Prometheus's graph page for `query` over the incident's time range (see graphRange); undefined
   * without a Prometheus.
   */
  graphLink?(query: string): string | undefined;
  /** The runbook's file (absolute path) when it was read from one: `$EDITOR` can open it. */
  readonly runbookFile?: string | undefined;
  /** Stops probes and alert tracking, and closes the journal (flushed first). */
  close(): Promise<void>;
}

/** An open incident as the inbox lists it. */
export interface OpenIncidentSummary {
  readonly id: string;
  readonly title: string;
  readonly alertname: string;
  /** The fingerprints of the alerts the incident is about. */
  readonly fingerprints: readonly string[];
  readonly openedAt: string;
  readonly done: number;
  readonly total: number;
  /** When the journal saw the last of its alerts resolve (ISO); undefined while any fires. */
  readonly alertsResolvedAt?: string | undefined;
}

/** The open incidents, and what kept any journal out of the list. */
export interface IncidentList {
  readonly incidents: readonly OpenIncidentSummary[];
  readonly problems: readonly string[];
}

/**
 * Everything the screen needs from the outside world. `sitrep` builds the real ones from the
 * config; UI tests pass in-memory ones.
 */
export interface UiServices {
  readonly feed: Pick<AlertFeed, 'subscribe' | 'getSnapshot' | 'start' | 'stop' | 'refresh'>;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /**
   * Opens the incident for these alerts: the open incident that already holds all of them (by
   * fingerprint), else a new one about exactly these alerts.
   */
  openIncident(alerts: readonly Alert[]): Promise<WorkspaceSession>;
  /** Adds alerts to an open incident (the engineer's choice, recorded) and opens it. */
  addToIncident(id: string, alerts: readonly Alert[]): Promise<WorkspaceSession>;
  /** Opens an existing incident by id. */
  resumeIncident(id: string): Promise<WorkspaceSession>;
  /** Incidents still open, newest first, and journals that could not be read, in words. */
  openIncidents(): Promise<IncidentList>;
  /** How often the focused step's probes re-run on their own, in milliseconds. */
  readonly probeIntervalMs: number;
  /** Who silences and notes are from: authorName() ($SITREP_AUTHOR, $USER, $LOGNAME, the OS user). */
  readonly author: string;
  /** Where exports go by default. */
  readonly cwd: string;
  /** Puts text on the clipboard through the terminal (OSC 52); absent where there is no terminal. */
  readonly copy?: (text: string) => CopyOutcome;
  /** Opens a URL or file with the platform's opener when there is a display. */
  readonly openUrl?: (url: string) => Promise<OpenOutcome>;
  /** Hands the terminal to `$VISUAL`/`$EDITOR` on a file; resolves when the editor exits. */
  readonly editFile?: (file: string) => Promise<EditOutcome>;
}

/** Whether a copy was sent to the terminal, and why the clipboard may still not have it. */
export interface CopyOutcome {
  readonly sent: boolean;
  readonly caveat?: string | undefined;
}

/** Whether the opener was started; when not, why (no display), in words. */
export interface OpenOutcome {
  readonly opened: boolean;
  readonly reason?: string | undefined;
}

/** How the editor ended: its exit status, or why it could not start, in words. */
export interface EditOutcome {
  readonly ok: boolean;
  readonly problem?: string | undefined;
}
