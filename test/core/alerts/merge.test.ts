import { describe, expect, it } from 'vitest';
import { parseAlertmanagerAlerts } from '../../../src/core/alerts/alertmanager-api.js';
import { mergeAlerts, type AlertBatch } from '../../../src/core/alerts/merge.js';
import { parsePrometheusAlerts } from '../../../src/core/alerts/prometheus-api.js';
import { amAlert, haproxyLabels, promAlerts } from '../../helpers/api-fixtures.js';

function am(source: string, alerts: unknown[]): AlertBatch {
  return {
    kind: 'alertmanager',
    alerts: parseAlertmanagerAlerts(alerts, { kind: 'alertmanager', source }).alerts,
  };
}

function prom(source: string, alerts: Parameters<typeof promAlerts>[0]): AlertBatch {
  return {
    kind: 'prometheus',
    alerts: parsePrometheusAlerts(promAlerts(alerts).data, { kind: 'prometheus', source }).alerts,
  };
}

describe('mergeAlerts', () => {
  it('deduplicates an HA cluster by fingerprint and lists both replicas', () => {
    const merged = mergeAlerts([
      am('am-1', [amAlert(haproxyLabels('web1')), amAlert(haproxyLabels('web2'))]),
      am('am-2', [amAlert(haproxyLabels('web1'))]),
    ]);
    expect(merged.map((a) => [a.labels['server'], a.origins.map((o) => o.source)])).toEqual([
      ['web1', ['am-1', 'am-2']],
      ['web2', ['am-1']],
    ]);
  });

  it('keeps the first replica state when replicas disagree', () => {
    const merged = mergeAlerts([
      am('am-1', [amAlert(haproxyLabels('web1'), { state: 'suppressed', silencedBy: ['s'] })]),
      am('am-2', [amAlert(haproxyLabels('web1'))]),
    ]);
    expect(merged.map((a) => a.state)).toEqual(['silenced']);
  });

  it('adds Prometheus alerts Alertmanager lacks, pending ones included, whatever the batch order', () => {
    const merged = mergeAlerts([
      prom('prom', [
        { labels: haproxyLabels('web1'), annotations: { runbook: 'r.md', extra: 'from prometheus' } },
        { labels: { alertname: 'Slow', severity: 'warning' }, state: 'pending' },
      ]),
      am('am-1', [amAlert(haproxyLabels('web1'), { annotations: { summary: 'from am' } })]),
    ]);
    expect(merged).toHaveLength(2);
    const web1 = merged.find((a) => a.name === 'HaproxyServerConnectionErrors');
    expect(web1?.origins.map((o) => o.kind)).toEqual(['alertmanager', 'prometheus']);
    expect(web1?.annotations).toEqual({ summary: 'from am', runbook: 'r.md', extra: 'from prometheus' });
    expect(web1?.runbookUrl).toBe('r.md');
    expect(web1?.state).toBe('active');
    expect(merged.find((a) => a.name === 'Slow')).toMatchObject({
      state: 'pending',
      origins: [{ kind: 'prometheus' }],
    });
  });

  it('does not let a Prometheus copy of a silenced alert show it as active', () => {
    const merged = mergeAlerts([
      am('am-1', [amAlert(haproxyLabels('web1'), { state: 'suppressed', silencedBy: ['s1'] })]),
      prom('prom', [{ labels: haproxyLabels('web1') }]),
    ]);
    expect(merged.map((a) => [a.state, a.silencedBy])).toEqual([['silenced', ['s1']]]);
  });

  it('joins alerts across external labels that only the Alertmanager copy carries', () => {
    const merged = mergeAlerts([
      am('am-1', [
        amAlert({ ...haproxyLabels('web1'), cluster: 'eu' }),
        amAlert({ ...haproxyLabels('web2'), cluster: 'eu' }),
      ]),
      prom('prom', [{ labels: haproxyLabels('web1') }, { labels: haproxyLabels('web3') }]),
    ]);
    expect(merged.map((a) => [a.labels['server'], a.labels['cluster'], a.origins.length])).toEqual([
      ['web1', 'eu', 2],
      ['web2', 'eu', 1],
      ['web3', undefined, 1],
    ]);
  });
});
