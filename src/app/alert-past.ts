// "Has this fired before, and what helped last time?" for the workspace: the alert's history from
// Prometheus's ALERTS series and the last incident sitrep recorded for it, in a line each, plus a
// strip chart of the window. Failures become words ("history unknown: …"), never an exception.
import type { Alert } from '../core/alerts/alert.js';
import { errorMessage } from '../core/errors.js';
import type { LocalZone } from '../core/export/format.js';
import { withCurrentFiring, type HistoryReport } from '../core/history/alert-history.js';
import { historyHeadline } from '../core/history/describe.js';
import { pastIncidentLine, pastIncidents, type PastIncident } from '../core/history/past-incidents.js';
import { timelineRows, type TimelineRow } from '../core/export/timeline-rows.js';
import { formatMinuteOfDay } from '../core/history/recurrence.js';
import { alertHistoryEvent } from '../core/history/history-event.js';
import type { TimelineEvent } from '../core/timeline/events.js';
import { fetchAlertHistory } from '../sources/alert-history.js';
import type { Endpoint } from '../sources/http-client.js';
import type { IncidentStore } from '../store/incident-store.js';

/** What the workspace shows of the alert's past. */
export interface AlertPast {
  /** `Fired 3 times in the last 7 days, 42m 10s in all; tends to start around 03:00.` or why unknown. */
  readonly history: string;
  /** The history itself, for the strip chart; undefined when unknown. */
  readonly report: HistoryReport | undefined;
  /** `Last time, 2026-11-20, 40m 00s: M1 done, note: "…"`; undefined when never recorded. */
  readonly lastTime: string | undefined;
  /** Every incident recorded for the alert before this one, same identifying labels first. */
  readonly incidents?: readonly PastIncident[];
}

/** What loading it needs. */
export interface AlertPastDeps {
  readonly prometheus: Endpoint | undefined;
  readonly store: IncidentStore;
  readonly now: () => number;
  readonly zone: LocalZone;
  /** How far back (seconds); default 7 days. */
  readonly windowSeconds?: number;
  readonly signal?: AbortSignal;
  /** The alert fires now (the incident's record says so): its own start counts in the history. */
  readonly firingNow?: boolean;
}

/**
 * The alert's past: its history (the ALERTS series whose labels agree with the alert's, so labels
 * Prometheus adds only on the way out do not hide it) and the last incident recorded for it other
 * than `incidentId`, the one being worked.
 */
export async function loadAlertPast(
  alert: Alert,
  incidentId: string,
  deps: AlertPastDeps,
): Promise<AlertPast> {
  const [history, incidents] = await Promise.all([
    loadHistory(alert, deps),
    loadIncidents(alert, incidentId, deps).catch(
      (error: unknown) => `Past incidents unknown: ${errorMessage(error)}`,
    ),
  ]);
  if (typeof incidents === 'string') return { ...history, lastTime: incidents };
  const [last] = incidents;
  return { ...history, lastTime: last ? `Last time, ${pastIncidentLine(last)}` : undefined, incidents };
}

async function loadHistory(
  alert: Alert,
  deps: AlertPastDeps,
): Promise<Pick<AlertPast, 'history' | 'report'>> {
  if (!deps.prometheus) return { history: 'History unknown: no Prometheus configured.', report: undefined };
  try {
    let report = await fetchAlertHistory(deps.prometheus, {
      alertname: alert.name,
      labels: {},
      agreeWith: alert.labels,
      nowSeconds: deps.now() / 1000,
      zoneOffsetMinutes: deps.zone.offsetMinutes,
      ...(deps.windowSeconds === undefined ? {} : { windowSeconds: deps.windowSeconds }),
      ...(deps.signal === undefined ? {} : { signal: deps.signal }),
    });
    if (deps.firingNow === true) {
      const history = withCurrentFiring(report.history, {
        labels: alert.labels,
        startsAtSeconds: Date.parse(alert.startsAt) / 1000,
      });
      report = { ...report, history };
    }
    const recurring = report.history.recurrence;
    const headline = historyHeadline(report, deps.zone);
    const line = recurring
      ? `${headline.replace(/\.$/, '')}; tends to start around ${formatMinuteOfDay(recurring.minuteOfDay)}.`
      : headline;
    return { history: line, report };
  } catch (error) {
    return { history: `History unknown: ${errorMessage(error)}`, report: undefined };
  }
}

async function loadIncidents(alert: Alert, incidentId: string, deps: AlertPastDeps): Promise<PastIncident[]> {
  const { incidents } = await deps.store.list();
  return pastIncidents(
    incidents.map((e) => e.incident),
    alert.name,
    alert.labels,
    new Date(deps.now()).toISOString(),
    incidentId,
  );
}

/** A past incident's timeline, read from its journal: the rows the export writes. */
export async function pastIncidentRows(store: IncidentStore, id: string): Promise<readonly TimelineRow[]> {
  const record = await store.read(id);
  return timelineRows(record.incident, record.events);
}

/** What a workspace session needs to offer the alert's past. */
export interface SessionPastDeps {
  readonly prometheus: Endpoint | undefined;
  readonly store: IncidentStore;
  readonly now: () => number;
  readonly zone: (at: string) => LocalZone;
  readonly windowSeconds?: number;
}

/** The incident's journal, as far as recording the history needs it. */
export interface HistoryJournal {
  /** True once the incident has an alert-history event. */
  readonly recorded: () => boolean;
  /** True while the incident's record has the alert firing. */
  readonly firingNow: () => boolean;
  readonly record: (event: TimelineEvent) => Promise<void>;
}

/**
 * The session's `alertPast()`: loads the past of the alert being worked, cancelled by `signal`
 * (the session closing), and records the history in the journal the first time it is read, so the
 * export can show it when Prometheus no longer can.
 */
export function sessionAlertPast(
  alert: Alert,
  incidentId: string,
  deps: SessionPastDeps,
  journal: HistoryJournal,
  signal: AbortSignal,
): () => Promise<AlertPast> {
  return async () => {
    const at = new Date(deps.now()).toISOString();
    const zone = deps.zone(at);
    const past = await loadAlertPast(alert, incidentId, {
      prometheus: deps.prometheus,
      store: deps.store,
      now: deps.now,
      zone,
      signal,
      firingNow: journal.firingNow(),
      ...(deps.windowSeconds === undefined ? {} : { windowSeconds: deps.windowSeconds }),
    });
    if (past.report && !journal.recorded() && !signal.aborted) {
      // A journal that cannot write keeps the event queued and says so in its status line.
      await journal.record(alertHistoryEvent(past.report, at, zone.offsetMinutes)).catch(() => undefined);
    }
    return past;
  };
}
