// The alert's facts on the real shared stack: the value of its rule's expression when it fired,
// checked against Prometheus asked directly for the same moment, and a silence's author and end
// read back through the first Alertmanager that answers.
import { describe, expect, it } from 'vitest';
import { describeSilences, valueAtFiring } from '../../src/app/alert-facts.js';
import { findAlertRule } from '../../src/core/probe/alert-probe.js';
import { createSilence, expireSilence, getAlerts } from '../../src/sources/alertmanager.js';
import { prometheusProbeClient } from '../../src/sources/prometheus-probe-client.js';
import { getRules } from '../../src/sources/prometheus.js';
import { refusedUrl } from '../helpers/fault-server.js';
import { sharedStackUrls } from '../helpers/stack.js';

const prometheus = { kind: 'prometheus', name: 'prom', url: sharedStackUrls.prometheus, timeoutMs: 10_000 };
const alertmanager = {
  kind: 'alertmanager',
  name: 'am',
  url: sharedStackUrls.alertmanager,
  timeoutMs: 10_000,
};
const alertname = 'HaproxyServerConnectionErrors';

/** The seed alert once Alertmanager has it (the shared load may have just started). */
async function firingInAlertmanager() {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const found = (await getAlerts(alertmanager)).alerts.find((a) => a.name === alertname);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`${alertname} never reached Alertmanager`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe.skipIf(process.env.SITREP_TEST_NO_STACK === '1')('alert facts on the shared stack', () => {
  it("gives the value the rule's expression had when the alert fired", async () => {
    const alert = await firingInAlertmanager();
    const rule = findAlertRule((await getRules(prometheus)).groups, alertname, alert.labels);
    expect(rule).toBeDefined();
    const fact = await valueAtFiring(alert, rule, prometheusProbeClient(prometheus));
    if (!fact.known) throw new Error(`unknown: ${fact.reason}`);
    expect(fact.at).toBe(alert.startsAt);

    const server = alert.labels['server'];
    const asked = new URLSearchParams({
      query: 'sum by (server) (rate(haproxy_server_connection_errors_total[1m]))',
      time: String(Date.parse(alert.startsAt) / 1000),
    });
    const answer = (await (
      await fetch(`${sharedStackUrls.prometheus}/api/v1/query?${asked.toString()}`)
    ).json()) as {
      data: { result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    const direct = answer.data.result.find((r) => r.metric['server'] === server);
    expect(fact.value).toBe(Number(direct?.value[1]));
  });

  it("reads a silence's author and end from the first Alertmanager that answers", async () => {
    const endsAt = new Date(Date.now() + 120_000).toISOString();
    const id = await createSilence(alertmanager, {
      matchers: [{ name: 'alertname', op: '=', value: 'SitrepAlertFactsTest' }],
      startsAt: new Date().toISOString(),
      endsAt,
      createdBy: 'facts-test',
      comment: 'alert facts e2e',
    });
    try {
      const dead = { kind: 'alertmanager', name: 'dead', url: await refusedUrl(), timeoutMs: 2_000 };
      const [known, missing] = await describeSilences([id, 'no-such-silence'], [dead, alertmanager]);
      expect(known).toMatchObject({ id, known: true, silence: { createdBy: 'facts-test' } });
      expect(known?.known && Date.parse(known.silence.endsAt)).toBe(Date.parse(endsAt));
      expect(missing).toMatchObject({ id: 'no-such-silence', known: false });
      expect(missing?.known === false && missing.reason).toMatch(/dead|refused/i);
    } finally {
      await expireSilence(alertmanager, id);
    }
  });
});
