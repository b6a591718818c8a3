// The order a session opens in: the checklist never waits for Prometheus's alert rule (the probes
// follow when it answers), and a resume before the feed's first answer keeps the incident's runbook
// instead of recording another one found from the alert's recorded copy.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspaceSession, resumeWorkspaceSession } from '../../src/app/workspace-session.js';
import type { WorkspaceSession } from '../../src/app/services.js';
import { findAlertRule } from '../../src/core/probe/alert-probe.js';
import { alertExpressionStepId } from '../../src/core/probe/probe.js';
import { parseJournal } from '../../src/core/timeline/journal-codec.js';
import { getRules } from '../../src/sources/prometheus.js';
import { resolveRunbook } from '../../src/sources/runbook-fetch.js';
import { labelsFingerprint } from '../../src/core/alerts/fingerprint.js';
import { makeAlert } from '../../src/core/alerts/make-alert.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { testAlert } from '../helpers/alerts.js';
import { tempDirs } from '../store/temp-dir.js';
import { sessionDeps } from './session-deps.js';

const newDir = tempDirs();
const web1 = testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' });
const open: WorkspaceSession[] = [];
const servers: FaultServer[] = [];
afterEach(async () => {
  for (const session of open.splice(0)) await session.close();
  for (const server of servers.splice(0)) await server.close();
});

function track(session: WorkspaceSession): WorkspaceSession {
  open.push(session);
  return session;
}

const onDisk = (dir: string, id: string) =>
  parseJournal(fs.readFileSync(path.join(dir, `${id}.jsonl`), 'utf8')).events;

const rulesBody = {
  status: 'success',
  data: {
    groups: [
      {
        name: 'haproxy',
        file: 'haproxy.yml',
        rules: [
          {
            type: 'alerting',
            name: 'HaproxyServerConnectionErrors',
            query: 'sum by (server) (rate(haproxy_server_connection_errors_total[1m])) > 100',
            labels: { severity: 'critical' },
            annotations: {},
            health: 'ok',
          },
        ],
      },
    ],
  },
};

/** A Prometheus whose rules endpoint holds every answer until `release()`. */
async function heldRules() {
  const held: (() => void)[] = [];
  const server = await startFaultServer({
    '/api/v1/rules': {
      kind: 'handler',
      handle: (_request, response) => {
        held.push(() =>
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rulesBody)),
        );
      },
    },
  });
  servers.push(server);
  const prometheus = { kind: 'prometheus', name: 'prometheus', url: server.url, retries: 0 };
  return {
    server,
    findRule: async (alert: { name: string; labels: Record<string, string> }) =>
      findAlertRule((await getRules(prometheus, { type: 'alert' })).groups, alert.name, alert.labels),
    release: () => held.splice(0).forEach((answer) => answer()),
  };
}

describe('the checklist does not wait for the alert rule', () => {
  it('opens while Prometheus holds the rule lookup; the alert expression and probes follow', async () => {
    const dir = newDir();
    const { deps, value } = sessionDeps(dir);
    const rules = await heldRules();
    const session = track(await openWorkspaceSession([web1], { ...deps, findRule: rules.findRule }));
    // Opened with the lookup still unanswered: the checklist is there, the probes are not yet.
    await expect.poll(() => rules.server.requestsTo('/api/v1/rules')).toHaveLength(1);
    expect(session.incident().steps.length).toBeGreaterThan(0);
    expect(session.probeSteps).toEqual([]);
    expect(session.probePlan).toBeDefined();
    rules.release();
    const plan = await session.probePlan;
    expect(plan?.probeSteps[0]?.id).toBe(alertExpressionStepId);
    expect(plan?.probeSteps[0]?.probes[0]?.query).toContain('haproxy_server_connection_errors_total');
    expect(plan?.problems).toEqual([]);
    // A probe run asked for meanwhile runs the planned step.
    const results = await session.runProbes(alertExpressionStepId, () => undefined);
    expect(results?.length).toBe(1);
    expect(value.queries).toBe(1);
  });

  it('opens with its probes when the rule answered first, as before', async () => {
    const dir = newDir();
    const { deps } = sessionDeps(dir);
    const session = track(await openWorkspaceSession([web1], deps));
    expect(session.probePlan).toBeUndefined();
    expect(session.probeSteps[0]?.id).toBe(alertExpressionStepId);
  });

  it('says why the alert expression is missing when the late lookup fails', async () => {
    const dir = newDir();
    const { deps } = sessionDeps(dir);
    const rules = await heldRules();
    rules.server.route('/api/v1/rules', {
      kind: 'json',
      status: 503,
      body: { status: 'error' },
      delayMs: 50,
    });
    const session = track(await openWorkspaceSession([web1], { ...deps, findRule: rules.findRule }));
    const plan = await session.probePlan;
    expect(plan?.problems[0]).toMatch(/^Alert rule lookup failed: .*503/);
  });
});

describe('resuming before the feed has answered', () => {
  // The generic runbook's first step quotes the alert's expression, which only the live alert's
  // generator URL carries: the recorded copy of the alert would find another text.
  const expr = 'rate(errors_total{job="api"}[5m]) > 1';
  const labels = { alertname: 'ApiErrors', job: 'api', severity: 'warning' };
  const live = makeAlert({
    fingerprint: labelsFingerprint(labels),
    labels,
    annotations: { summary: 'errors' },
    state: 'active',
    startsAt: '2026-11-26T03:00:00.000Z',
    generatorURL: `http://prometheus:9090/graph?g0.expr=${encodeURIComponent(expr)}&g0.tab=1`,
    origin: { kind: 'alertmanager', source: 'am' },
  });
  const findRunbook = (alert: typeof live) =>
    resolveRunbook(alert, { entries: [], cacheDir: newDir() }).then((r) => ({ ...r, notes: [] }));

  /** Opens an incident on `live`, closes it, and resumes it before the feed answers with `answer`. */
  async function resumeBeforeFeed(answer: readonly (typeof live)[]) {
    const dir = newDir();
    const first = sessionDeps(dir);
    const opened = await openWorkspaceSession([live], { ...first.deps, findRunbook });
    await opened.close();
    const { deps, feed } = sessionDeps(dir, { feedLoading: true });
    const resuming = resumeWorkspaceSession(opened.id, [], { ...deps, findRunbook });
    // The recorded copy found another runbook text: the session waits for the feed's answer.
    await expect.poll(() => feed.listenerCount()).toBeGreaterThan(0);
    feed.answer([...answer]);
    return { dir, opened, session: track(await resuming) };
  }

  it('keeps the recorded runbook: no second runbook-opened, the live alert’s text', async () => {
    const { dir, opened, session } = await resumeBeforeFeed([live]);
    expect(session.probeAlert.generatorURL).toBe(live.generatorURL);
    const runbooks = onDisk(dir, opened.id).filter((e) => e.type === 'runbook-opened');
    expect(runbooks).toHaveLength(1);
    expect(session.incident().steps[0]?.step.text).toContain(expr);
  });

  it('opens on the recorded copy when the feed answers without the alert', async () => {
    const { session } = await resumeBeforeFeed([]);
    expect(session.probeAlert.generatorURL).toBeUndefined();
    expect(session.incident().alerts[0]?.fingerprint).toBe(live.fingerprint);
  });
});
