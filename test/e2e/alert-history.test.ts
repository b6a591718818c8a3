// Alert history against a real Prometheus on its own stack (base 11000): fire the seed alert, let it
// resolve, fire it again; the ALERTS history must show two episodes at the times the alert was
// seen firing and resolved, and `sitrep history --json` must print the same.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fetchAlertHistory } from '../../src/sources/alert-history.js';
import { getPrometheusAlerts, query } from '../../src/sources/prometheus.js';
import { runCli } from '../helpers/run-cli.js';
import { stack, stackEnv } from '../helpers/stack.js';

const env = { ...stackEnv('history', 11000), SITREP_STACK_LOAD_RATE: '300' };
const prometheus = `http://127.0.0.1:${env.SITREP_STACK_PROMETHEUS_PORT}`;
const source = { kind: 'prometheus', name: 'history', url: prometheus, timeoutMs: 10_000 };
const alertname = 'HaproxyServerConnectionErrors';

async function firingFor(server: string): Promise<boolean> {
  const { alerts } = await getPrometheusAlerts(source);
  return alerts.some((a) => a.name === alertname && a.labels['server'] === server && a.state === 'active');
}

async function errorRate(server: string): Promise<number> {
  const result = await query(
    source,
    `sum(rate(haproxy_server_connection_errors_total{server="${server}"}[1m]))`,
  );
  return result.resultType === 'vector' ? (result.samples[0]?.value ?? 0) : Number.NaN;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe.skipIf(process.env.SITREP_TEST_NO_STACK === '1')('alert history from ALERTS', () => {
  afterAll(async () => {
    await stack(env, 'down');
  });

  it('fired, resolved, fired again: two episodes at the right times', async () => {
    await stack(env, 'up');
    const startedAt = Date.now() / 1000;
    // `fire` returns once Alertmanager shows the alert; the load runs 30 s, then the rate falls.
    await stack(env, 'fire', '30');
    const firstSeen = Date.now() / 1000;
    await until('the first firing to resolve', async () => !(await firingFor('web1')), 180_000);
    const resolvedSeen = Date.now() / 1000;
    // Fired again at once, the 1m rate would cross 100 again within seconds: a gap shorter than the
    // query's step. Wait until the load has left the rate window, as after a real fix.
    await until('the error rate to fall to zero', async () => (await errorRate('web1')) < 1, 180_000);
    await stack(env, 'fire', '600');
    const secondSeen = Date.now() / 1000;
    expect(await firingFor('web1')).toBe(true);

    // The newest firing reaches the history at the rule's next evaluation after a query step.
    const read = () => {
      const now = Date.now() / 1000;
      return fetchAlertHistory(source, {
        alertname,
        labels: { server: 'web1' },
        windowSeconds: Math.ceil(now - startedAt) + 60,
        nowSeconds: now,
      });
    };
    let report = await read();
    await until(
      'two episodes in the history',
      async () => (report = await read()).history.episodes.length >= 2,
      60_000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}: ${JSON.stringify(report.history)}`);
    });
    const { episodes, window } = report.history;
    expect(report.alertsSeriesFound).toBe(true);
    // The stack keeps a day: the window asked for is well inside it.
    expect(report.retentionSeconds).toBe(86_400);
    expect(episodes.map((e) => e.labels['server'])).toEqual(['web1', 'web1']);
    const [first, second] = episodes;
    const step = window.stepSeconds;
    // Each time is a query step, so it is known to within one step of when it happened.
    expect(first!.start).toBeGreaterThanOrEqual(startedAt - step);
    expect(first!.start).toBeLessThanOrEqual(firstSeen + step);
    expect(first!.lastSeen).toBeGreaterThan(firstSeen - step);
    expect(first!.lastSeen).toBeLessThanOrEqual(resolvedSeen + step);
    expect(first!.ongoing).toBe(false);
    expect(second!.start).toBeGreaterThanOrEqual(resolvedSeen - step);
    expect(second!.start).toBeLessThanOrEqual(secondSeen + step);
    expect(second!.ongoing).toBe(true);
    expect(report.history.firingSeconds).toBeGreaterThan(0);

    // The CLI prints the same history, for scripts.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-history-'));
    const result = await runCli(
      [
        'history',
        alertname,
        '--label',
        'server=web1',
        '--window',
        '1h',
        '--json',
        '--prometheus.url',
        prometheus,
      ],
      { HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, TZ: 'UTC' },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as {
      history: { episodes: { start: string; ongoing: boolean }[]; alertsSeriesFound: boolean };
      incidents: unknown[];
    };
    expect(document.history.episodes.map((e) => e.ongoing)).toEqual([false, true]);
    expect(document.incidents).toEqual([]);

    const text = await runCli(
      ['history', alertname, '--label', 'server=web1', '--window', '1h', '--prometheus.url', prometheus],
      { HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, TZ: 'UTC' },
    );
    expect(text.stdout).toContain('Fired 2 times in the last 1 hour');
    expect(text.stdout).toContain('still firing');
    expect(text.stdout).toContain('incidents recorded by sitrep\n  none');
  }, 420_000);

  it('an alert that never fired has no episodes, and says so', async () => {
    const report = await fetchAlertHistory(source, {
      alertname: 'NoSuchAlert',
      labels: {},
      windowSeconds: 3600,
      nowSeconds: Date.now() / 1000,
    });
    expect(report.history.episodes).toEqual([]);
    // ALERTS exists on this Prometheus (the seed alert fired), so the answer is "did not fire".
    expect(report.alertsSeriesFound).toBe(true);
  });
});
