// The real WorkspaceSession: one incident's journal (disk), its runbook, its probes (Prometheus)
// and its silences (Alertmanager), put together for the screen. Everything it talks to is passed
// in (workspace-session-deps), so tests can build one over a temp folder and the fault server.
// This file holds which incident opens and in what order a session is put together; its parts
// are in workspace-session-alerts (the alerts of a resumed journal), workspace-session-probes (the
// rule lookup the probes follow), workspace-session-runbook (the runbook recorded and shown) and
// workspace-session-export (the notes and graph links made from the journal).
import path from 'node:path';
import type { Alert } from '../core/alerts/alert.js';
import { UserError } from '../core/errors.js';
import type { TimelineEvent } from '../core/timeline/events.js';
import type { Incident } from '../core/timeline/incident.js';
import type { Journal } from '../store/journal.js';
import { trackAlertState } from './alert-tracking.js';
import { pastIncidentRows, sessionAlertPast } from './alert-past.js';
import type { RecordingStatus, WorkspaceSession } from './services.js';
import { sessionRunbook } from './session-plan.js';
import { createAndRecordSilence, expireIncidentSilences } from './silences.js';
import { isRecordedCopy, liveAlerts } from './workspace-session-alerts.js';
import type { SessionDeps } from './workspace-session-deps.js';
import { exportIncidentNotes, incidentGraphLink } from './workspace-session-export.js';
import {
  loadPlanner,
  probeRuns,
  probeStepsOf,
  ruleLookups,
  sessionProbes,
} from './workspace-session-probes.js';
import { recordRunbookOpened, workspaceRunbook } from './workspace-session-runbook.js';

/**
 * Opens the incident for these alerts: resumes an open incident that already holds every one of
 * them (by fingerprint, never by name), or starts a new one about exactly these alerts.
 */
export async function openWorkspaceSession(
  alerts: readonly Alert[],
  deps: SessionDeps,
): Promise<WorkspaceSession> {
  if (alerts.length === 0) throw new Error('no alert to open');
  const at = new Date(deps.now()).toISOString();
  const { incidents } = await deps.store.list();
  const open = incidents.find((e) => e.incident.status === 'open' && holdsAll(e.incident, alerts));
  const journal = open ? await deps.store.resume(open.id) : await deps.store.openIncident({ alerts, at });
  return buildSession(journal, alerts, deps);
}

function holdsAll(incident: Incident, alerts: readonly Alert[]): boolean {
  const held = new Set(incident.alerts.map((a) => a.fingerprint));
  return alerts.every((a) => held.has(a.fingerprint));
}

/**
 * Adds alerts to an open incident because the engineer said so (recorded as alert-firing with
 * `addedBy`), then opens it.
 */
export async function addToWorkspaceSession(
  id: string,
  alerts: readonly Alert[],
  author: string,
  currentAlerts: readonly Alert[],
  deps: SessionDeps,
): Promise<WorkspaceSession> {
  const journal = await deps.store.resume(id);
  const incident = journal.incident();
  if (incident?.status !== 'open') {
    await journal.close();
    throw new UserError(`incident ${id} is not open`, { hint: 'Open the alert as an incident of its own.' });
  }
  const at = new Date(deps.now()).toISOString();
  const held = new Set(incident.alerts.map((a) => a.fingerprint));
  for (const alert of alerts.filter((a) => !held.has(a.fingerprint))) {
    const record = { fingerprint: alert.fingerprint, labels: alert.labels, startsAt: alert.startsAt };
    await journal.append({ type: 'alert-firing', at, alert: record, addedBy: author });
  }
  return buildSession(journal, liveAlerts(journal, currentAlerts), deps);
}

/** Opens an existing incident by id, with its alerts as the feed has them now (else as recorded). */
export async function resumeWorkspaceSession(
  id: string,
  currentAlerts: readonly Alert[],
  deps: SessionDeps,
): Promise<WorkspaceSession> {
  return resumeJournalSession(await deps.store.resume(id), currentAlerts, deps);
}

/** Opens an incident whose journal is already open (read while the screen loaded: `sitrep resume`). */
export function resumeJournalSession(
  journal: Journal,
  currentAlerts: readonly Alert[],
  deps: SessionDeps,
): Promise<WorkspaceSession> {
  return buildSession(journal, liveAlerts(journal, currentAlerts), deps);
}

/** A session over an open journal; the journal is closed again when building fails. */
async function buildSession(
  journal: Journal,
  alerts: readonly Alert[],
  deps: SessionDeps,
): Promise<WorkspaceSession> {
  try {
    return await buildOpenSession(journal, alerts, deps);
  } catch (error) {
    await journal.close();
    throw error;
  }
}

async function buildOpenSession(
  journal: Journal,
  opening: readonly Alert[],
  deps: SessionDeps,
): Promise<WorkspaceSession> {
  const first = opening[0];
  if (!first) throw new Error('the incident has no alerts');
  // The rule is asked for at once, while the runbook is found; the checklist does not wait for it.
  const ruleOf = ruleLookups(deps);
  ruleOf(first);
  const { alerts, found } = await sessionRunbook(journal, opening, deps, isRecordedCopy, (current) =>
    liveAlerts(journal, current),
  );
  const alert = alerts[0] ?? first;
  await recordRunbookOpened(journal, found, deps);
  // Usually the rule has answered by now (finding the runbook took longer): then the session opens
  // with its probes, as it always did; otherwise they follow (probePlan) and the checklist shows first.
  const rule = ruleOf(alert);
  const probes = sessionProbes(rule, found, alert, deps, rule.value() ? await loadPlanner() : undefined);
  const chosenRule = () => probes.plan.then((p) => p.rule);
  let closed = false;
  const closing = new AbortController();
  // After close() the journal refuses appends: a late probe result is dropped, not an error.
  const append = async (event: TimelineEvent) => {
    if (!closed) await journal.append(event);
  };
  const runs = probeRuns(probes.plan, alert, deps, { journal, closed: () => closed, append });
  const runbook = workspaceRunbook(found, alert, probes.ready?.problem);
  const id = journal.incident()?.id ?? '';
  const untrack = deps.feed ? trackAlertState(deps.feed, journal) : () => undefined;

  return {
    id,
    runbook,
    ...probeStepsOf(probes),
    probeAlert: alert,
    incident: () => {
      const incident = journal.incident();
      if (!incident) throw new Error(`incident ${id} has no incident-opened event`);
      return incident;
    },
    recording: () => recordingOf(journal),
    journalEvents: () => journal.events(),
    alertFacts: () => {
      const alerts = liveAlerts(journal, deps.feed?.getSnapshot().alerts ?? []);
      const known = new Set(journal.incident()?.silences.map((s) => s.id));
      // Looked up when the alert pane opens; its code (and the PromQL parser under it) loads then.
      return import('./alert-facts.js').then(({ lookUpAlertFacts }) =>
        lookUpAlertFacts(alerts, known, {
          // The first alert's rule is already known (Prometheus's, or the one pasted in the runbook).
          findRule: (a) =>
            a.fingerprint === alert.fingerprint
              ? chosenRule()
              : Promise.all([deps.findRule(a), import('../core/probe/plan.js')]).then(([other, plan]) =>
                  plan.chooseAlertRule(other, found.runbook),
                ),
          prometheus: deps.probes?.client,
          alertmanagers: deps.alertmanagers ?? (deps.alertmanager ? [deps.alertmanager] : []),
        }),
      );
    },
    subscribe: (listener) => journal.subscribe(listener),
    record: append,
    ...runs,
    ...(deps.past === undefined
      ? {}
      : {
          alertPast: sessionAlertPast(
            alert,
            id,
            { ...deps, ...deps.past },
            {
              recorded: () => journal.incident()?.history !== undefined,
              record: append,
              // A source lists it now, or the record says it fires (the feed may not have answered yet).
              firingNow: () =>
                (alert.state !== 'pending' && !isRecordedCopy(alert)) ||
                journal.incident()?.alerts.find((a) => a.fingerprint === alert.fingerprint)?.state ===
                  'firing',
            },
            closing.signal,
          ),
          pastIncidentRows: (pastId: string) => pastIncidentRows(deps.store, pastId),
        }),
    graphLink: (query) => incidentGraphLink(journal, query, deps),
    runbookFile: found.source.kind === 'file' ? path.resolve(found.source.path) : undefined,
    silence: (request, author) => createAndRecordSilence(request, author, journal, deps),
    exportNotes: (format, file) => exportIncidentNotes(journal, format, file, deps),
    closeIncident: async (expireSilences) => {
      if (expireSilences) await expireIncidentSilences(journal, deps);
      await append({ type: 'incident-closed', at: new Date(deps.now()).toISOString() });
    },
    close: async () => {
      if (closed) return;
      closed = true;
      closing.abort();
      untrack();
      runs.cancelProbes();
      // Closing (not just flushing) releases the file handle: one left to the garbage collector
      // makes Node print a DEP0137 warning over the screen.
      await journal.close();
    },
  };
}

function recordingOf(journal: Journal): RecordingStatus {
  const status = journal.status();
  return { ok: status.error === undefined, pending: status.pending, error: status.error?.message };
}
