// Every bundled HAProxy runbook, run as `sitrep probe` runs it (real lookup, planning with variants,
// the probe runner, Prometheus's own rule for the alert expression), against each HAProxy metric
// source on a real stack: HAProxy's built-in exporter with rules.yml, then Debian's
// prometheus-haproxy-exporter with rules-haproxy-exporter.yml. The stack runs the scenario backends
// (scripts/stack/scenarios.mjs), so each alert's probes look at a backend that has its problem.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAlertRule } from '../../src/core/probe/alert-probe.js';
import { planProbeSteps } from '../../src/core/probe/plan.js';
import type { ProbeResult } from '../../src/core/probe/result.js';
import { fillProbeQuery } from '../../src/core/promql/fill.js';
import { keptLabels } from '../../src/core/promql/kept-labels.js';
import { chooseRunbook } from '../../src/core/runbook/match.js';
import { parseRuleFile } from '../../src/core/runbook/rule-file.js';
import { prometheusProbeClient } from '../../src/sources/prometheus-probe-client.js';
import { getRules } from '../../src/sources/prometheus.js';
import { runProbeStep } from '../../src/sources/probe-runner.js';
import { bundledRunbooksDir } from '../../src/store/runbook-files.js';
import { loadLibrary } from '../../src/store/runbook-library.js';
import { stack, stackEnv } from '../helpers/stack.js';

const folder = path.join(bundledRunbooksDir() ?? '', 'haproxy');
const library = loadLibrary([{ path: path.dirname(folder), tier: 'bundled' }]);

const base = stackEnv('sources', 13000);
const exporterPort = String(Number(base.SITREP_STACK_HAPROXY_METRICS_PORT) + 1);
const prometheus = { url: `http://127.0.0.1:${base.SITREP_STACK_PROMETHEUS_PORT}`, name: 'Prometheus' };

const sources = [
  {
    source: 'builtin',
    rules: 'rules.yml',
    variant: 'builtin',
    job: 'haproxy',
    instance: `127.0.0.1:${base.SITREP_STACK_HAPROXY_METRICS_PORT}`,
  },
  {
    source: 'exporter',
    rules: 'rules-haproxy-exporter.yml',
    variant: 'haproxy_exporter',
    job: 'haproxy_exporter',
    instance: `127.0.0.1:${exporterPort}`,
  },
] as const;

// What each alert is about on the scenario stack.
const targets: Record<string, { backend?: string; server?: string; frontend?: string }> = {
  HaproxyServerConnectionErrors: { server: 'r1' },
  HaproxyBackendConnectionErrors: { backend: 'retry' },
  HaproxyServerResponseErrors: { backend: 'broken', server: 'brk1' },
  HaproxyHighHttp5xxErrorRateBackend: { backend: 'errors' },
  HaproxyHighHttp5xxErrorRateServer: { backend: 'errors', server: 'err1' },
  HaproxyHighHttp4xxErrorRateBackend: { backend: 'missing' },
  HaproxyHighHttp4xxErrorRateServer: { backend: 'missing', server: 'nf1' },
  HaproxyServerDown: { backend: 'checked', server: 'bad1' },
  HaproxyBackendDown: { backend: 'gone' },
  HaproxyBackendMaxActiveSession: { backend: 'slow' },
  HaproxyPendingRequests: { backend: 'slow' },
  HaproxyHttpSlowingDown: { backend: 'slow' },
  HaproxyRetryHigh: { backend: 'retry' },
  HaproxyServerHealthcheckFailure: { backend: 'checked', server: 'flaky1' },
  HaproxyFrontendSecurityBlockedRequests: { frontend: 'web' },
  HaproxyDown: {},
};

// Probes whose "no data" is the right answer on this stack, by source and title, and why.
const rightlyEmpty: Record<string, Record<string, string>> = {
  builtin: {},
  exporter: {
    // errors/err1 has no health check: the built-in exporter reports NaN, haproxy_exporter nothing.
    'Failed health checks in the last 15 minutes': 'the server has no health check',
  },
};

// Probes whose NaN is the right answer on this stack, by source and title, and why.
const rightlyNaN: Record<string, Record<string, string>> = {
  builtin: {
    // errors/err1 has no health check: HAProxy's built-in exporter reports its check count as NaN.
    'Failed health checks in the last 15 minutes': 'the server has no health check',
  },
  exporter: {},
};

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function alertsFiring(): Promise<Set<string>> {
  const response = await fetch(`${prometheus.url}/api/v1/alerts`, { signal: AbortSignal.timeout(5000) });
  const body = (await response.json()) as {
    data: { alerts: { labels: Record<string, string>; state: string }[] };
  };
  return new Set(
    body.data.alerts.filter((a) => a.state === 'firing').map((a) => a.labels['alertname'] ?? ''),
  );
}

describe.skipIf(process.env.SITREP_TEST_NO_STACK === '1').each(sources)(
  'the bundled runbooks on the $source metric source',
  (source) => {
    const env = {
      ...base,
      SITREP_STACK_EXPORTER_PORT: exporterPort,
      SITREP_STACK_HAPROXY_SOURCE: source.source,
      SITREP_STACK_SCENARIOS: '1',
    };
    const rules = parseRuleFile(fs.readFileSync(path.join(folder, source.rules), 'utf8')).rules;

    beforeAll(async () => {
      await stack(env, 'up');
      // Rates need samples, and HaproxyServerDown has `for: 1m`: once it fires, every rule has data.
      await until('HaproxyServerDown to fire', async () => (await alertsFiring()).has('HaproxyServerDown'));
    }, 240_000);
    afterAll(async () => {
      await stack(env, 'down');
    });

    it.each(rules.map((rule) => [rule.alert, rule] as const))(
      '%s: every probe runs the right variant and none fails',
      async (name, rule) => {
        const target = targets[name] ?? {};
        const kept = keptLabels(rule.expr.value);
        const labelNames = kept?.kind === 'only' ? [...kept.labels] : [];
        const labels: Record<string, string> = { alertname: name, ...rule.labels };
        for (const label of labelNames) {
          const value = {
            proxy: target.frontend ?? target.backend,
            backend: target.backend,
            frontend: target.frontend,
            server: target.server,
            job: source.job,
            instance: source.instance,
          }[label];
          if (value === undefined) throw new Error(`${name}: no value for label ${label}`);
          labels[label] = value;
        }
        const choice = chooseRunbook({ name, labels, runbookUrl: undefined }, library.entries);
        if (choice.kind !== 'file') throw new Error(`${name}: no bundled runbook`);
        const fromPrometheus = findAlertRule(
          (await getRules(prometheus, { type: 'alert' })).groups,
          name,
          labels,
        );
        expect(fromPrometheus?.expr, `${name}: the rule Prometheus loaded`).toBe(rule.expr.value);
        const steps = planProbeSteps(
          choice.entry.runbook,
          fromPrometheus,
          { labels, startsAtMs: undefined, nowMs: Date.now() },
          fillProbeQuery,
        );
        const client = prometheusProbeClient(prometheus);
        const results: ProbeResult[] = [];
        for (const step of steps) results.push(...((await runProbeStep(step, { client }))?.results ?? []));

        expect(results[0]?.probe.role, `${name}: the alert expression runs first`).toBe('alert-rule');
        const problems: string[] = [];
        for (const result of results) {
          const where = `${result.probe.id} "${result.probe.title}"`;
          if (result.verdict === 'error')
            problems.push(`${where}: ${result.error?.message ?? 'error'} — ${result.probe.query}`);
          if (result.probe.variants && result.probe.variant?.name !== source.variant)
            problems.push(
              `${where}: ran ${result.probe.variant?.name ?? 'nothing'} (${result.probe.variant?.reason ?? ''})`,
            );
          const empty = result.series.length === 0;
          const expectedEmpty = rightlyEmpty[source.source]?.[result.probe.title];
          if (empty && expectedEmpty === undefined)
            problems.push(`${where}: no data — ${result.probe.query}`);
          // A ratio over nothing (+Inf, NaN) is not an answer either, unless listed with its reason.
          const odd = result.series.filter(
            (series) => series.value !== undefined && !Number.isFinite(series.value),
          );
          if (odd.length > 0 && rightlyNaN[source.source]?.[result.probe.title] === undefined)
            problems.push(
              `${where}: ${odd.map((series) => String(series.value)).join(', ')} — ${result.probe.query}`,
            );
        }
        expect(problems).toEqual([]);
      },
    );
  },
);
