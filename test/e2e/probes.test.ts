// Probes against the real shared stack, where HaproxyServerConnectionErrors fires for web1 and web2
// (about 250 connection errors/s each). The stack's load is shared with other tests and must keep
// running, so "with the load stopped it falls to ok" is checked in the past instead: the same
// probe evaluated (instant `time` and range end) shortly before the alert became active, when the
// load had not started, must say ok or no data.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  alertExpressionProbe,
  alertExpressionRange,
  findAlertRule,
} from '../../src/core/probe/alert-probe.js';
import { chooseAlertRule, planProbeSteps } from '../../src/core/probe/plan.js';
import { formatStepReport } from '../../src/core/probe/report.js';
import { fillProbeQuery } from '../../src/core/promql/fill.js';
import { parseRunbook } from '../../src/core/runbook/parse-runbook.js';
import { getPrometheusAlerts, getRules } from '../../src/sources/prometheus.js';
import { prometheusProbeClient } from '../../src/sources/prometheus-probe-client.js';
import { runProbeStep } from '../../src/sources/probe-runner.js';
import { repoRoot, sharedStackUrls } from '../helpers/stack.js';

const source = { kind: 'prometheus', name: 'test', url: sharedStackUrls.prometheus, timeoutMs: 10_000 };
const client = prometheusProbeClient(source);
const alertname = 'HaproxyServerConnectionErrors';

async function firingAlert(server: string) {
  const { alerts } = await getPrometheusAlerts(source);
  const alert = alerts.find(
    (a) => a.name === alertname && a.labels['server'] === server && a.state === 'active',
  );
  expect(alert, `${alertname} firing for ${server} on the shared stack`).toBeDefined();
  return alert!;
}

describe.skipIf(process.env.SITREP_TEST_NO_STACK === '1')('probes on the shared stack', () => {
  it("the bundled runbook's probes return values for the firing server", async () => {
    const alert = await firingAlert('web2');
    const file = path.join(repoRoot, 'runbooks', 'haproxy', `${alertname}.md`);
    const runbook = parseRunbook(fs.readFileSync(file, 'utf8'), { fileName: path.basename(file) });
    const rule = chooseAlertRule(
      findAlertRule((await getRules(source)).groups, alertname, alert.labels),
      runbook,
    );
    const context = { labels: alert.labels, startsAtMs: Date.parse(alert.startsAt), nowMs: Date.now() };
    const steps = planProbeSteps(runbook, rule, context, fillProbeQuery);
    expect(steps[0]?.id).toBe('alert-expression');
    expect(steps.length).toBeGreaterThanOrEqual(5); // the alert expression and 4+ diagnosis steps
    for (const step of steps) {
      const run = await runProbeStep(step, { client });
      for (const result of run!.results) {
        const where = `${step.id} ${result.probe.title}: ${result.probe.query}`;
        expect(result.probe.unrunnable, where).toBeUndefined();
        expect(result.error, where).toBeUndefined();
        expect(result.rangeError, where).toBeUndefined();
        expect(result.series.length, where).toBeGreaterThan(0);
        // Every probe that is about one server is about the firing one, with a number for it now.
        const servers = new Set(result.series.map((series) => series.labels['server']));
        if (result.probe.query.includes('server="web2"')) expect([...servers], where).toEqual(['web2']);
        else expect(servers.has('web2'), where).toBe(true);
        expect(
          result.series.some((series) => series.value !== undefined && Number.isFinite(series.value)),
          where,
        ).toBe(true);
      }
    }
  });

  it('the alert-expression probe reports the firing value over 100 as critical, for that server only', async () => {
    const alert = await firingAlert('web1');
    const rule = findAlertRule((await getRules(source)).groups, alertname, alert.labels);
    expect(rule?.expr).toContain('> 100');
    const probe = alertExpressionProbe(
      rule!,
      alert.labels,
      alertExpressionRange(Date.parse(alert.startsAt), Date.now()),
    );
    const run = await runProbeStep(
      { id: probe.stepId, title: 'Alert expression', probes: [probe] },
      { client },
    );
    const result = run!.results[0]!;
    expect(result.error).toBeUndefined();
    expect(result.rangeError).toBeUndefined();
    expect(result.verdict).toBe('critical');
    expect(result.series.map((s) => s.labels)).toEqual([{ server: 'web1' }]);
    expect(result.series[0]!.value).toBeGreaterThan(100);
    expect(result.otherSeries).toBeGreaterThanOrEqual(1); // web2, narrowed away
    // A fresh stack (as in CI) has only a minute or two of history: the range holds what there is.
    const points = result.series[0]!.points;
    expect(points.length).toBeGreaterThanOrEqual(1);
    expect(points.every((p) => p.timestamp >= result.window.start && p.timestamp <= result.window.end)).toBe(
      true,
    );
    expect(points[points.length - 1]!.value).toBeGreaterThan(0);
    expect(formatStepReport('Alert expression', run!.results)).toMatch(
      /\{server="web1"\}\s+\d+\S*\s+critical/,
    );
  });

  it('evaluated before the load began, the same probe says ok or no data', async () => {
    const alert = await firingAlert('web2');
    const rule = findAlertRule((await getRules(source)).groups, alertname, alert.labels);
    const probe = alertExpressionProbe(rule!, alert.labels);
    // The 1m rate crosses 100/s about 25 s after a 250/s load starts; two minutes before the alert
    // went active, the rate window held no load.
    const before = Date.parse(alert.startsAt) / 1000 - 120;
    const run = await runProbeStep(
      { id: probe.stepId, title: 'x', probes: [probe] },
      { client },
      { at: before },
    );
    const result = run!.results[0]!;
    expect(result.error).toBeUndefined();
    expect(['ok', 'no-data']).toContain(result.verdict);
    for (const series of result.series) expect(series.value === undefined || series.value <= 100).toBe(true);
    expect(result.window.end).toBeLessThanOrEqual(before);
  });

  it('at a moment when the value was under the threshold, the probe says ok', async () => {
    const alert = await firingAlert('web2');
    const rule = findAlertRule((await getRules(source)).groups, alertname, alert.labels);
    const probe = alertExpressionProbe(rule!, alert.labels);
    // The ten minutes before the alert went active hold the load's ramp-up (the stack starts
    // Prometheus before the load), where the rate climbed through values under 100/s.
    const startsAt = Math.floor(Date.parse(alert.startsAt) / 1000);
    const ramp = await client.range(
      probe.query,
      { start: startsAt - 600, end: startsAt, step: 5 },
      new AbortController().signal,
    );
    const web2 = ramp.find((series) => series.metric['server'] === 'web2');
    const calm = web2?.points.filter((p) => p.value > 0 && p.value <= 100).at(-1);
    expect(calm, 'a sample under 100/s before the alert went active').toBeDefined();
    const then = await runProbeStep(
      { id: probe.stepId, title: 'x', probes: [probe] },
      { client },
      { at: calm!.timestamp },
    );
    const result = then!.results[0]!;
    expect(result.verdict).toBe('ok');
    expect(result.series.map((s) => s.labels)).toEqual([{ server: 'web2' }]);
    expect(result.series[0]?.value).toBeCloseTo(calm!.value, 6);
  });
});
