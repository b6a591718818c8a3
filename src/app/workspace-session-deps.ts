// What a workspace session is built from: everything it talks to, passed in (the store, the
// runbook and rule lookups, the Prometheus and Alertmanager endpoints, the clock, the feed), so
// tests can build one over a temp folder and the fault server. Types only: every part of the
// session reads them, and none needs the session itself.
import type { Alert } from '../core/alerts/alert.js';
import type { LocalZone } from '../core/export/format.js';
import type { AlertRuleInfo } from '../core/probe/alert-probe.js';
import type { RenderProbeQuery } from '../core/probe/plan.js';
import type { Runbook, RunbookSource } from '../core/runbook/runbook.js';
import type { Endpoint } from '../sources/http-client.js';
import type { ProbeRunOptions } from '../sources/probe-runner.js';
import type { IncidentStore } from '../store/incident-store.js';
import type { SessionPastDeps } from './alert-past.js';
import type { TrackedFeed } from './alert-tracking.js';

/** A runbook as found for an alert, with its text (hashed into the timeline). */
export interface FoundRunbookText {
  readonly runbook: Runbook;
  readonly source: RunbookSource;
  readonly text: string;
  /** How it was found and what failed on the way (a URL that did not answer, a cached copy used). */
  readonly notes?: readonly string[];
}

/** What a session is built from. */
export interface SessionDeps {
  readonly store: IncidentStore;
  readonly findRunbook: (alert: Alert) => Promise<FoundRunbookText>;
  readonly findRule: (alert: Alert) => Promise<AlertRuleInfo | undefined>;
  /** How probe queries are filled in; fillProbeQuery (loaded with the probes' plan) unless given. */
  readonly renderProbeQuery?: RenderProbeQuery;
  readonly probes: ProbeRunOptions | undefined;
  readonly alertmanager: Endpoint | undefined;
  /** Every configured Alertmanager, tried in order for silences; defaults to `alertmanager` alone. */
  readonly alertmanagers?: readonly Endpoint[];
  readonly zone: (at: string) => LocalZone;
  /** Prometheus's URL (no credentials), for the export's graph links; undefined without Prometheus. */
  readonly prometheusUrl?: string | undefined;
  readonly now: () => number;
  /** The alert feed, to record the incident's alerts firing and resolving while it is open. */
  readonly feed?: TrackedFeed | undefined;
  /** Where the alert's history comes from; without it the session offers no `alertPast()`. */
  readonly past?: Pick<SessionPastDeps, 'prometheus' | 'windowSeconds'>;
}
