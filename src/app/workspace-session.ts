// The real WorkspaceSession: one incident's journal (disk), its runbook, its probes (Prometheus)
// and its silences (Alertmanager), put together for the screen. Everything it talks to is passed
// in, so tests can build one over a temp folder and the fault server.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Alert } from '../core/alerts/alert.js';
import { makeAlert } from '../core/alerts/make-alert.js';
import type { LocalZone } from '../core/export/format.js';
import { exportJson } from '../core/export/json-export.js';
import { exportMarkdown } from '../core/export/markdown.js';
import type { AlertRuleInfo } from '../core/probe/alert-probe.js';
import { chooseAlertRule, planProbeSteps, type RenderProbeQuery } from '../core/probe/plan.js';
import type { Runbook, RunbookSource } from '../core/runbook/runbook.js';
import { runbookOpenedEvent, runbookTextHash } from '../core/timeline/event-builders.js';
import type { TimelineEvent } from '../core/timeline/events.js';
import type { Endpoint } from '../sources/http-client.js';
import { createSilenceOnAnyPeer, expireSilenceOnAnyPeer } from '../sources/alertmanager-peers.js';
import { createProbeSession, type ProbeSession } from '../sources/probe-session.js';
import type { ProbeRunOptions } from '../sources/probe-runner.js';
import type { Journal } from '../store/journal.js';
import type { IncidentStore } from '../store/incident-store.js';
import type { RecordingStatus, SilenceRequest, WorkspaceRunbook, WorkspaceSession } from './services.js';

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
  readonly now: () => number;
}

/** Opens the incident for these alerts: resumes the open one for their alertname, or starts one. */
export async function openWorkspaceSession(
  alerts: readonly Alert[],
  deps: SessionDeps,
): Promise<WorkspaceSession> {
  const [alert] = alerts;
  if (!alert) throw new Error('no alert to open');
  const at = new Date(deps.now()).toISOString();
  const { incidents } = await deps.store.list();
  const open = incidents.find((e) => e.incident.status === 'open' && e.incident.alertname === alert.name);
  const journal = open ? await deps.store.resume(open.id) : await deps.store.openIncident({ alerts, at });
  return buildSession(journal, alerts, deps);
}

/** Opens an existing incident by id, with the alerts it recorded. */
export async function resumeWorkspaceSession(
  id: string,
  currentAlerts: readonly Alert[],
  deps: SessionDeps,
): Promise<WorkspaceSession> {
  const journal = await deps.store.resume(id);
  const name = journal.incident()?.alertname;
  const live = currentAlerts.filter((a) => a.name === name);
  return buildSession(journal, live.length > 0 ? live : recordedAlerts(journal), deps);
}

/** The alerts as the journal recorded them, for resuming an incident whose alerts no longer fire. */
function recordedAlerts(journal: Journal): Alert[] {
  return (journal.incident()?.alerts ?? []).map((a) =>
    makeAlert({
      fingerprint: a.fingerprint,
      labels: a.labels,
      annotations: {},
      state: 'active',
      startsAt: a.startsAt,
      origin: { kind: 'alertmanager', source: 'journal' },
    }),
  );
}

async function buildSession(
  journal: Journal,
  alerts: readonly Alert[],
  deps: SessionDeps,
): Promise<WorkspaceSession> {
  const alert = alerts[0];
  if (!alert) throw new Error('the incident has no alerts');
  const [found, rule] = await Promise.all([
    deps.findRunbook(alert),
    deps.findRule(alert).catch(() => undefined),
  ]);
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
  const startsAtMs = Date.parse(alert.startsAt);
  const probeSteps = planProbeSteps(
    found.runbook,
    chooseAlertRule(rule, found.runbook),
    {
      labels: alert.labels,
      startsAtMs: Number.isNaN(startsAtMs) ? undefined : startsAtMs,
      nowMs: deps.now(),
    },
    deps.renderProbeQuery,
  );
  const probeSession: ProbeSession | undefined = deps.probes ? createProbeSession(deps.probes) : undefined;
  const runbook = workspaceRunbook(found, alert);
  const id = journal.incident()?.id ?? '';

  return {
    id,
    runbook,
    probeSteps,
    incident: () => {
      const incident = journal.incident();
      if (!incident) throw new Error(`incident ${id} has no incident-opened event`);
      return incident;
    },
    recording: () => recordingOf(journal),
    subscribe: (listener) => journal.subscribe(listener),
    record: async (event: TimelineEvent) => {
      await journal.append(event);
    },
    runProbes: async (stepId, onResult) => {
      const step = probeSteps.find((s) => s.id === stepId);
      if (!step) return [];
      if (!probeSession) throw new Error('no Prometheus configured: set --prometheus.url');
      const run = await probeSession.run(step, onResult);
      return run?.results;
    },
    cancelProbes: () => probeSession?.cancel(),
    silence: (request, author) => createAndRecordSilence(request, author, journal, deps),
    exportNotes: async (format, file) => {
      const events = journal.events();
      const openedAt = journal.incident()?.openedAt ?? new Date(deps.now()).toISOString();
      const text =
        format === 'json' ? exportJson(events) : exportMarkdown(events, { zone: deps.zone(openedAt) });
      const target = path.resolve(file);
      await fs.writeFile(target, text);
      return target;
    },
    closeIncident: async (expireSilences) => {
      const incident = journal.incident();
      const nowIso = new Date(deps.now()).toISOString();
      if (expireSilences && peersOf(deps).length > 0) {
        const live = (incident?.silences ?? []).filter((s) => s.expiredAt === undefined && s.endsAt > nowIso);
        for (const silence of live) {
          const { alertmanager } = await expireSilenceOnAnyPeer(peersOf(deps), silence.id);
          await journal.append({
            type: 'silence-expired',
            at: new Date(deps.now()).toISOString(),
            silenceId: silence.id,
            alertmanager,
          });
        }
      }
      await journal.append({ type: 'incident-closed', at: new Date(deps.now()).toISOString() });
    },
    close: async () => {
      probeSession?.cancel();
      await journal.flush();
    },
  };
}

function recordingOf(journal: Journal): RecordingStatus {
  const status = journal.status();
  return { ok: status.error === undefined, pending: status.pending, error: status.error?.message };
}

function workspaceRunbook(found: FoundRunbookText, alert: Alert): WorkspaceRunbook {
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
  ].filter((l): l is string => l !== undefined);
  return {
    title: runbook.title,
    sourceLabel,
    meaning: runbook.meaning,
    impact: runbook.impact,
    problems: [...(found.notes ?? []), ...runbook.problems.map((p) => p.message)],
    links,
  };
}

async function createAndRecordSilence(
  request: SilenceRequest,
  author: string,
  journal: Journal,
  deps: SessionDeps,
): Promise<{ readonly id: string; readonly alertmanager: string }> {
  if (peersOf(deps).length === 0) throw new Error('no Alertmanager configured: set --alertmanager.url');
  const now = deps.now();
  const endsAt = new Date(now + request.durationMs).toISOString();
  const { value: id, alertmanager } = await createSilenceOnAnyPeer(peersOf(deps), {
    matchers: request.matchers,
    startsAt: new Date(now).toISOString(),
    endsAt,
    createdBy: author,
    comment: request.comment,
  });
  await journal.append({
    type: 'silence-created',
    at: new Date(now).toISOString(),
    silenceId: id,
    matchers: request.matchers.map((m) => ({
      name: m.name,
      value: m.value,
      isRegex: m.op === '=~' || m.op === '!~',
      isEqual: m.op === '=' || m.op === '=~',
    })),
    comment: request.comment,
    author,
    endsAt,
    alertmanager,
  });
  return { id, alertmanager };
}

// The Alertmanagers to try for a silence, in the configured order.
function peersOf(deps: SessionDeps): readonly Endpoint[] {
  return deps.alertmanagers ?? (deps.alertmanager ? [deps.alertmanager] : []);
}
