// Detection lag on the real shared stack: HaproxyServerConnectionErrors (`> 100`, for: 0m, evaluated
// every second) fires while its range is sampled far more coarsely. The alert-expression probe runs
// as the workspace runs it, its result is journaled as the workspace journals it, and the export's
// detection rows must bracket the truth: Prometheus's activeAt, when the rule first held, is within
// one evaluation (and one scrape) after the crossing, and the lag is never wider than one sampling
// step plus that.
import { describe, expect, it } from 'vitest';
import { detectionInputFromIncident, detectionRows } from '../../src/core/export/detection-lag.js';
import { exportMarkdown } from '../../src/core/export/markdown.js';
import {
  alertExpressionProbe,
  alertExpressionRange,
  findAlertRule,
} from '../../src/core/probe/alert-probe.js';
import { alertExpressionStepId } from '../../src/core/probe/probe.js';
import type { ProbeResult } from '../../src/core/probe/result.js';
import type { AlertRuleInfo } from '../../src/core/probe/alert-probe.js';
import type { LabelSet } from '../../src/core/alerts/alert.js';
import { probeRunEvent } from '../../src/core/probe/timeline-record.js';
import type { TimelineEvent } from '../../src/core/timeline/events.js';
import { fold } from '../../src/core/timeline/fold.js';
import { getPrometheusAlerts, getRules } from '../../src/sources/prometheus.js';
import { prometheusProbeClient } from '../../src/sources/prometheus-probe-client.js';
import { runProbeStep } from '../../src/sources/probe-runner.js';
import { sharedStackUrls } from '../helpers/stack.js';

const source = { kind: 'prometheus', name: 'test', url: sharedStackUrls.prometheus, timeoutMs: 10_000 };
const alertname = 'HaproxyServerConnectionErrors';
// The stack scrapes and evaluates every second (scripts/stack/configs.mjs).
const evaluationMs = 1_000;
const scrapeMs = 1_000;

/** The firing alert for this server, once Prometheus has it (the shared load may have just started). */
async function firingAlert(server: string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { alerts } = await getPrometheusAlerts(source);
    const found = alerts.find(
      (a) => a.name === alertname && a.labels['server'] === server && a.state === 'active',
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`${alertname} never fired for ${server}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function runAlertProbe(rule: AlertRuleInfo, labels: LabelSet, activeAt: number, now: number) {
  const probe = alertExpressionProbe(rule, labels, alertExpressionRange(activeAt, now));
  const run = await runProbeStep(
    { id: alertExpressionStepId, title: 'Alert expression', probes: [probe] },
    { client: prometheusProbeClient(source) },
  );
  return run!;
}

/** True when the run's range has a sample at or after the alert's start. */
function reachesStart(run: { results: readonly ProbeResult[] }, activeAt: number): boolean {
  return run.results.some((r) => r.series.some((s) => s.points.some((p) => p.timestamp * 1000 >= activeAt)));
}

describe.skipIf(process.env.SITREP_TEST_NO_STACK === '1')('detection lag on the shared stack', () => {
  it('brackets the real crossing within one sampling step plus one evaluation', async () => {
    const alert = await firingAlert('web1');
    const rule = findAlertRule((await getRules(source)).groups, alertname, alert.labels);
    expect(rule?.expr).toContain('> 100');
    // Right after the alert fires, the range (sampled every step) may end before the crossing: run
    // the probe again, as the workspace's live probes do, until its range reaches the alert's start.
    const activeAt = Date.parse(alert.startsAt);
    const deadline = Date.now() + 60_000;
    let now = Date.now();
    let run = await runAlertProbe(rule!, alert.labels, activeAt, now);
    while (!reachesStart(run, activeAt) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      now = Date.now();
      run = await runAlertProbe(rule!, alert.labels, activeAt, now);
    }
    const opened: TimelineEvent = {
      at: new Date(now).toISOString(),
      type: 'incident-opened',
      id: 'e2e-detection-lag',
      title: alertname,
      alertname,
      severity: 'critical',
      alerts: [{ fingerprint: 'web1', labels: alert.labels, startsAt: alert.startsAt }],
    };
    const events = [opened, probeRunEvent(alertExpressionStepId, run.results, now)];
    const incident = fold(events)!;
    const input = detectionInputFromIncident(incident);
    expect(input, 'the journaled alert-expression probe has range data').toBeDefined();
    const [row] = detectionRows(incident, input!).filter((r) => r.labels['server'] === 'web1');
    const where = JSON.stringify({ row, stepSeconds: input!.stepSeconds }, null, 2);
    expect(row?.crossed, where).toBeDefined();
    expect(row?.crossedToFiring?.max, where).toBeDefined();

    // The truth: the rule first held at activeAt, so the expression crossed in the evaluation (and
    // scrape) before it. The export's bound (after, atLatest] must overlap that.
    expect(Date.parse(row!.crossed!.after!), where).toBeLessThan(activeAt);
    expect(Date.parse(row!.crossed!.atLatest), where).toBeGreaterThanOrEqual(
      activeAt - evaluationMs - scrapeMs,
    );
    // And the lag it gives is no wider than one sampling step plus one evaluation and one scrape.
    const { min, max } = row!.crossedToFiring!;
    expect(min, where).toBeGreaterThanOrEqual(0);
    expect(max! - min, where).toBeLessThanOrEqual(input!.stepSeconds * 1000 + evaluationMs + scrapeMs);

    const markdown = exportMarkdown(events, { zone: { name: 'UTC', offsetMinutes: 0 } });
    expect(markdown).toMatch(/The alert fired .* after it crossed `> 100`/);
    expect(markdown).not.toContain('detection lag is unknown');
  });
});
