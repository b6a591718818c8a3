// Several sources at once: one failing never hides the others, and the default size cap holds the
// 100,000 alerts a big Alertmanager can send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/core/config/config.js';
import { plainSource } from '../helpers/source-config.js';
import { fetchAllAlerts } from '../../src/sources/alert-sources.js';
import { getAlerts } from '../../src/sources/alertmanager.js';
import { amAlert, haproxyLabels, promAlerts } from '../helpers/api-fixtures.js';
import { refusedUrl, startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { manyAlertsBody } from '../helpers/many-alerts.js';

let up: FaultServer;
let prom: FaultServer;
beforeAll(async () => {
  up = await startFaultServer({
    '/api/v2/alerts': {
      kind: 'json',
      body: [amAlert(haproxyLabels('web1')), amAlert(haproxyLabels('web2'))],
    },
  });
  prom = await startFaultServer({
    '/api/v1/alerts': {
      kind: 'json',
      body: promAlerts([
        { labels: haproxyLabels('web1') },
        { labels: { alertname: 'DiskFilling', severity: 'warning' }, state: 'pending' },
      ]),
    },
  });
});
afterAll(async () => {
  await Promise.all([up.close(), prom.close()]);
});

const source = plainSource;

describe('fetchAllAlerts', () => {
  it('answers from the healthy replica of a cluster where one URL is down, and reports the down one', async () => {
    const down = await refusedUrl();
    const config: Config = {
      alertmanagers: [source('alertmanager', 'am-down', down), source('alertmanager', 'am-up', up.url)],
      prometheus: source('prometheus', 'prom', prom.url),
      output: 'simple',
    };
    const { alerts, reports } = await fetchAllAlerts(config);
    expect(alerts.map((a) => [a.name, a.labels['server'], a.state, a.origins.map((o) => o.source)])).toEqual([
      ['HaproxyServerConnectionErrors', 'web1', 'active', ['am-up', 'prom']],
      ['HaproxyServerConnectionErrors', 'web2', 'active', ['am-up']],
      ['DiskFilling', undefined, 'pending', ['prom']],
    ]);
    expect(reports.map((r) => [r.name, r.error === undefined, r.alerts])).toEqual([
      ['am-down', false, 0],
      ['am-up', true, 2],
      ['prom', true, 2],
    ]);
    expect(reports[0]?.error).toBe(`alertmanager am-down: connection refused (${down}/api/v2/alerts)`);
    // Alertmanager is asked for every state, so a silenced alert is known as silenced when merging.
    expect(up.requestsTo('/api/v2/alerts')[0]?.query).toMatchObject({
      silenced: ['true'],
      inhibited: ['true'],
    });
  });

  it('reports a source that answers nonsense and still returns the others', async () => {
    const junk = await startFaultServer({
      '/api/v1/alerts': { kind: 'json', body: { status: 'success', data: { alerts: 'none' } } },
    });
    try {
      const config: Config = {
        alertmanagers: [source('alertmanager', 'am', up.url)],
        prometheus: source('prometheus', 'junk', junk.url),
        output: 'json',
      };
      const { alerts, reports } = await fetchAllAlerts(config);
      expect(alerts).toHaveLength(2);
      expect(reports[1]?.error).toContain(
        'prometheus junk: unexpected answer: data.alerts: expected a list, got "none"',
      );
    } finally {
      await junk.close();
    }
  });

  it('takes 100,000 alerts (about 70 MB) under the default size cap', async () => {
    const body = manyAlertsBody(100_000);
    expect(body.length).toBeGreaterThan(60_000_000);
    const big = await startFaultServer({
      '/api/v2/alerts': { kind: 'text', body, contentType: 'application/json' },
    });
    try {
      const { alerts, problems } = await getAlerts(source('alertmanager', 'big', big.url));
      expect(problems).toEqual([]);
      expect(alerts).toHaveLength(100_000);
      expect(new Set(alerts.map((a) => a.fingerprint)).size).toBe(100_000);
    } finally {
      await big.close();
    }
  });
});
