// The real WorkspaceSession: one incident's journal (disk), its runbook, its probes (Prometheus)
// and its silences (Alertmanager), put together for the screen. Everything it talks to is passed
// in, so tests can build one over a temp folder and the fault server.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Alert } from '../core/alerts/alert.js';
import { makeAlert } from '../core/alerts/make-alert.js';
import { UserError } from '../core/errors.js';
import type { LocalZone } from '../core/export/format.js';
import { exportJson } from '../core/export/json-export.js';
import { exportMarkdown } from '../core/export/markdown.js';
import { exportHtml } from '../core/export/html.js';
import { graphRange, graphUrl } from '../core/export/mermaid.js';
import type { AlertRuleInfo } from '../core/probe/alert-probe.js';
import { chooseAlertRule, type RenderProbeQuery } from '../core/probe/plan.js';
import { lookUpRule, planSessionProbes, sessionRunbook, settling, type RuleLookup } from './session-plan.js';
import type { Runbook, RunbookSource } from '../core/runbook/runbook.js';
import { runbookOpenedEvent, runbookTextHash } from '../core/timeline/event-builders.js';
import type { TimelineEvent } from '../core/timeline/events.js';
import type { Incident } from '../core/timeline/incident.js';
import { lastProbeRun, probeRunChanged } from '../core/timeline/probe-change.js';
import { probeRunEvent } from '../core/probe/timeline-record.js';
import type { Endpoint } from '../sources/http-client.js';
import { createProbeSession, type ProbeSession } from '../sources/probe-session.js';
import type { ProbeRunOptions } from '../sources/probe-runner.js';
import type { Journal } from '../store/journal.js';
import type { IncidentStore } from '../store/incident-store.js';
import { lookUpAlertFacts } from './alert-facts.js';
import { trackAlertState, type TrackedFeed } from './alert-tracking.js';
import { pastIncidentRows, sessionAlertPast, type SessionPastDeps } from './alert-past.js';
import type { RecordingStatus, WorkspaceRunbook, WorkspaceSession } from './services.js';
import { createAndRecordSilence, expireIncidentSilences } from './silences.js';

/** Where an alert comes from that no source lists now: the incident's own record of it. */
const recordedOrigin = { kind: 'alertmanager', source: 'journal' } as const;

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
  readonly renderProbeQuery: RenderProbeQuery;
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

/**
 * The incident's alerts, in the journal's order: the feed's copy of each one still there (fresher
 * annotations and state), the recorded one otherwise. Firing ones first, so probes use a live alert.
 */
function liveAlerts(journal: Journal, currentAlerts: readonly Alert[]): Alert[] {
  const byFingerprint = new Map(currentAlerts.map((a) => [a.fingerprint, a]));
  const alerts = (journal.incident()?.alerts ?? []).map(
    (a) =>
      byFingerprint.get(a.fingerprint) ??
      makeAlert({
        fingerprint: a.fingerprint,
        labels: a.labels,
        annotations: {},
        state: 'active',
        startsAt: a.startsAt,
        origin: recordedOrigin,
      }),
  );
  const live = alerts.filter((a) => byFingerprint.has(a.fingerprint));
  return [...live, ...alerts.filter((a) => !byFingerprint.has(a.fingerprint))];
}

/** An alert as the journal recorded it (no source lists it now): labels only, no annotations. */
function isRecordedCopy(alert: Alert): boolean {
  return alert.origins.includes(recordedOrigin);
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
  const rules = new Map<string, ReturnType<typeof settling<RuleLookup>>>();
  const ruleOf = (a: Alert) => {
    const known = rules.get(a.fingerprint) ?? settling(lookUpRule(deps, a));
    rules.set(a.fingerprint, known);
    return known;
  };
  ruleOf(first);
  const { alerts, found } = await sessionRunbook(journal, opening, deps, isRecordedCopy, (current) =>
    liveAlerts(journal, current),
  );
  const alert = alerts[0] ?? first;
  const hash = runbookTextHash(found.text);
  if (journal.incident()?.runbook?.textHash !== hash) {
    await journal.append(
      runbookOpenedEvent({
        at: new Date(deps.now()).toISOString(),
        runbook: found.runbook,
        source: found.source,
        text: found.text,
      }),
    );
  }
  // Usually the rule has answered by now (finding the runbook took longer): then the session opens
  // with its probes, as it always did; otherwise they follow (probePlan) and the checklist shows first.
  const rule = ruleOf(alert);
  const answered = rule.value();
  const ready = answered && planSessionProbes(answered, found, alert, deps);
  const plan = ready
    ? Promise.resolve(ready)
    : rule.promise.then((l) => planSessionProbes(l, found, alert, deps));
  // A planning failure is the probes' to report (runProbes, probePlan), never an unhandled rejection.
  plan.catch(() => undefined);
  const chosenRule = () => plan.then((p) => p.rule);
  const probeSession: ProbeSession | undefined = deps.probes ? createProbeSession(deps.probes) : undefined;
  const runbook = workspaceRunbook(found, alert, ready?.problem);
  const id = journal.incident()?.id ?? '';
  const untrack = deps.feed ? trackAlertState(deps.feed, journal) : () => undefined;
  let closed = false;
  const closing = new AbortController();
  // After close() the journal refuses appends: a late probe result is dropped, not an error.
  const append = async (event: TimelineEvent) => {
    if (!closed) await journal.append(event);
  };

  return {
    id,
    runbook,
    probeSteps: ready?.probeSteps ?? [],
    probeAlert: alert,
    volatileLabels: ready?.volatileLabels ?? [],
    ...(ready
      ? {}
      : {
          probePlan: plan.then((p) => ({
            probeSteps: p.probeSteps,
            volatileLabels: p.volatileLabels,
            problems: p.problem === undefined ? [] : [p.problem],
          })),
        }),
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
      return lookUpAlertFacts(alerts, known, {
        // The first alert's rule is already known (Prometheus's, or the one pasted in the runbook).
        findRule: (a) =>
          a.fingerprint === alert.fingerprint
            ? chosenRule()
            : deps.findRule(a).then((other) => chooseAlertRule(other, found.runbook)),
        prometheus: deps.probes?.client,
        alertmanagers: deps.alertmanagers ?? (deps.alertmanager ? [deps.alertmanager] : []),
      });
    },
    subscribe: (listener) => journal.subscribe(listener),
    record: append,
    runProbes: async (stepId, onResult) => {
      const step = (await plan).probeSteps.find((s) => s.id === stepId);
      if (!step) return [];
      if (!probeSession) {
        throw new UserError('no Prometheus configured', {
          hint: 'Pass --prometheus.url or run `sitrep config set prometheus.url URL`.',
        });
      }
      const run = await probeSession.run(step, onResult);
      if (!run || closed) return run?.results;
      // Journal a run only when a value or verdict changed since the step's last recorded run.
      const event = { ...probeRunEvent(stepId, run.results, deps.now()), alert: alert.fingerprint };
      const incident = journal.incident();
      if (incident && probeRunChanged(lastProbeRun(incident, event.stepId), event)) await append(event);
      return run.results;
    },
    cancelProbes: () => probeSession?.cancel(),
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
    graphLink: (query) => {
      const incident = journal.incident();
      const range = incident ? graphRange(incident, deps.now()) : undefined;
      if (deps.prometheusUrl === undefined || range === undefined) return undefined;
      return graphUrl(deps.prometheusUrl, query, range.start, range.end);
    },
    runbookFile: found.source.kind === 'file' ? path.resolve(found.source.path) : undefined,
    silence: (request, author) => createAndRecordSilence(request, author, journal, deps),
    exportNotes: async (format, file) => {
      const events = journal.events();
      const openedAt = journal.incident()?.openedAt ?? new Date(deps.now()).toISOString();
      const options = {
        zone: deps.zone(openedAt),
        ...(deps.prometheusUrl === undefined ? {} : { prometheusUrl: deps.prometheusUrl }),
      };
      const text =
        format === 'json'
          ? exportJson(events)
          : format === 'html'
            ? exportHtml(events, options)
            : exportMarkdown(events, options);
      const target = path.resolve(file);
      await fs.writeFile(target, text);
      return target;
    },
    closeIncident: async (expireSilences) => {
      if (expireSilences) await expireIncidentSilences(journal, deps);
      await append({ type: 'incident-closed', at: new Date(deps.now()).toISOString() });
    },
    close: async () => {
      if (closed) return;
      closed = true;
      closing.abort();
      untrack();
      probeSession?.cancel();
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

const noteLabel = { diagnosis: 'Diagnosis', mitigation: 'Mitigation', other: 'Also' } as const;

function workspaceRunbook(
  found: FoundRunbookText,
  alert: Alert,
  ruleProblem: string | undefined,
): WorkspaceRunbook {
  const { runbook, source } = found;
  const sourceLabel =
    source.kind === 'file'
      ? source.path
      : source.kind === 'url'
        ? `${source.url}${source.cached ? ' (cached)' : ''}`
        : 'built-in generic runbook';
  const links = [
    source.kind === 'url' ? source.url : source.kind === 'file' ? source.path : undefined,
    alert.generatorURL,
    ...(runbook.links ?? []).map((link) => link.url),
  ].filter((l): l is string => l !== undefined);
  return {
    title: runbook.title,
    sourceLabel,
    meaning: runbook.meaning,
    impact: runbook.impact,
    problems: [
      ...(ruleProblem === undefined ? [] : [ruleProblem]),
      ...(found.notes ?? []),
      ...runbook.problems.map((p) => p.message),
    ],
    links,
    notes: (runbook.notes ?? []).map(
      (note) => `${noteLabel[note.section]}: ${note.heading ?? ''} ${note.text}`,
    ),
  };
}
