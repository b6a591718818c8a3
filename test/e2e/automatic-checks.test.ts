// The automatic checks against the real shared stack's Prometheus (2.42): every query derived from
// the expression table is accepted, and for the seed alert the checks return what the stack holds.
import { describe, expect, it } from 'vitest';
import { automaticCheckProbes, planAutomaticChecks } from '../../src/core/probe/automatic-checks.js';
import { findAlertRule } from '../../src/core/probe/alert-probe.js';
import { getPrometheusAlerts, getRules } from '../../src/sources/prometheus.js';
import { prometheusProbeClient } from '../../src/sources/prometheus-probe-client.js';
import { runProbeStep } from '../../src/sources/probe-runner.js';
import { bundledRules, derivationTable } from '../core/probe/automatic-checks-table.js';
import { sharedStackUrls } from '../helpers/stack.js';

const source = { kind: 'prometheus', name: 'test', url: sharedStackUrls.prometheus, timeoutMs: 10_000 };
const client = prometheusProbeClient(source);
const alertname = 'HaproxyServerConnectionErrors';

describe.skipIf(process.env.SITREP_TEST_NO_STACK === '1')('automatic checks on the shared stack', () => {
  it('Prometheus accepts every query derived from the expression table and the bundled rules', async () => {
    const now = Date.now() / 1000;
    for (const entry of [...derivationTable, ...bundledRules()]) {
      const rule = { expr: entry.expr, labels: entry.ruleLabels, origin: 'prometheus' } as const;
      for (const probe of automaticCheckProbes(rule, entry.alertLabels, 1800)) {
        await expect(
          client.instant(probe.query, now, new AbortController().signal),
          `${entry.name}: ${probe.query}`,
        ).resolves.toBeDefined();
      }
    }
  });

  it('for the firing seed alert: its series, healthy targets, and no history a day back', async () => {
    const { alerts } = await getPrometheusAlerts(source);
    const alert = alerts.find((a) => a.name === alertname && a.labels['server'] === 'web1');
    expect(alert, `${alertname} firing for web1`).toBeDefined();
    const rule = findAlertRule((await getRules(source)).groups, alertname, alert!.labels);
    const step = planAutomaticChecks(rule, {
      labels: alert!.labels,
      startsAtMs: Date.parse(alert!.startsAt),
      nowMs: Date.now(),
    });
    const run = await runProbeStep(step!, { client });
    const byTitle = new Map(run!.results.map((r) => [r.probe.title, r]));
    for (const result of run!.results) expect(result.error, result.probe.query).toBeUndefined();

    const behind = byTitle.get('Derived: the series behind sum by (server)')!;
    expect(behind.series.length).toBeGreaterThan(0);
    expect(new Set(behind.series.map((s) => s.labels['server']))).toEqual(new Set(['web1']));
    expect(behind.series.some((s) => (s.value ?? 0) > 0)).toBe(true);

    const up = byTitle.get('Derived: scrape targets feeding haproxy_server_connection_errors_total (up)')!;
    expect(up.verdict).toBe('ok');
    expect(up.series.map((s) => s.value)).toEqual([1]);
    const age = byTitle.get('Derived: age of the newest haproxy_server_connection_errors_total samples')!;
    expect(age.verdict).toBe('ok');
    expect(age.series[0]!.value).toBeGreaterThanOrEqual(0);
    expect(age.series[0]!.value).toBeLessThan(120);

    // The test stack keeps a day of data and is younger than that: no value then, so no ratio.
    expect(byTitle.get('Derived: now as a share of 1 day ago')!.verdict).toBe('no-data');
  });
});
