import { describe, expect, it } from 'vitest';
import { parseAlertmanagerAlerts } from '../../../src/core/alerts/alertmanager-api.js';
import { liveBatches, mergeAlerts, type AlertBatch } from '../../../src/core/alerts/merge.js';
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

  it('gives the Alertmanager alerts unchanged beside a Prometheus that has none', () => {
    const batches = [am('am-1', [amAlert(haproxyLabels('web1')), amAlert(haproxyLabels('web2'))])];
    const alone = mergeAlerts(batches);
    const beside = mergeAlerts([...batches, prom('prom', [])]);
    expect(beside).toEqual(alone);
    expect(beside.map((a) => a.labels['server'])).toEqual(['web1', 'web2']);
  });

  it('lets the most recently updated replica decide, wherever it is listed', () => {
    const silencedOld = amAlert(haproxyLabels('web1'), {
      state: 'suppressed',
      silencedBy: ['s'],
      updatedAt: '2024-05-01T10:00:00.000Z',
    });
    const activeNew = amAlert(haproxyLabels('web1'), { updatedAt: '2024-05-01T10:00:30.000Z' });
    for (const order of [
      [am('am-1', [silencedOld]), am('am-2', [activeNew]), am('am-3', [activeNew])],
      [am('am-2', [activeNew]), am('am-3', [activeNew]), am('am-1', [silencedOld])],
    ]) {
      const merged = mergeAlerts(order);
      expect(merged.map((a) => [a.state, a.silencedBy, a.origins.length])).toEqual([['active', [], 3]]);
    }
    // And a newer silence wins over an older active copy.
    const silencedNew = amAlert(haproxyLabels('web1'), {
      state: 'suppressed',
      silencedBy: ['s2'],
      updatedAt: '2024-05-01T10:01:00.000Z',
    });
    expect(mergeAlerts([am('am-1', [activeNew]), am('am-2', [silencedNew])]).map((a) => a.state)).toEqual([
      'silenced',
    ]);
  });

  it('lets an active copy win a tie over a silenced or inhibited one, in any order', () => {
    const silenced = amAlert(haproxyLabels('web1'), { state: 'suppressed', silencedBy: ['s'] });
    const inhibited = amAlert(haproxyLabels('web1'), { state: 'suppressed', inhibitedBy: ['f'] });
    const active = amAlert(haproxyLabels('web1'));
    for (const copies of [
      [silenced, active, inhibited],
      [inhibited, silenced, active],
      [active, silenced, inhibited],
    ]) {
      const merged = mergeAlerts(copies.map((c, i) => am(`am-${i}`, [c])));
      expect(merged.map((a) => [a.state, a.origins.map((o) => o.source)])).toEqual([
        ['active', ['am-0', 'am-1', 'am-2']],
      ]);
    }
    // Between two muted copies of the same age, the first listed stays.
    expect(mergeAlerts([am('a', [silenced]), am('b', [inhibited])]).map((a) => a.state)).toEqual([
      'silenced',
    ]);
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

  it('joins across external labels after a Prometheus alert that no Alertmanager reported', () => {
    const merged = mergeAlerts([
      am('am-1', [amAlert({ ...haproxyLabels('web1'), cluster: 'eu' })]),
      prom('prom', [{ labels: haproxyLabels('web3') }, { labels: haproxyLabels('web1') }]),
    ]);
    expect(merged.map((a) => [a.labels['server'], a.labels['cluster'], a.origins.length])).toEqual([
      ['web1', 'eu', 2],
      ['web3', undefined, 1],
    ]);
  });
});

describe('liveBatches', () => {
  const batch = (source: string, fetchedAt: number, failing: boolean) => ({
    ...am(source, [amAlert(haproxyLabels(source))]),
    fetchedAt,
    failing,
  });

  it('leaves out a failing peer whose last answer is older than the refresh interval', () => {
    const now = 100_000;
    const { live, stale } = liveBatches(
      [
        batch('dead-old', now - 15_001, true),
        batch('dead-fresh', now - 15_000, true),
        batch('ok-old', now - 60_000, false),
        batch('ok', now, false),
      ],
      now,
      15_000,
    );
    expect(live.map((b) => b.alerts[0]?.origins[0]?.source)).toEqual(['dead-fresh', 'ok-old', 'ok']);
    expect(stale.map((b) => b.alerts[0]?.origins[0]?.source)).toEqual(['dead-old']);
  });

  it('keeps a dead peer holding an expired silence from hiding what the live peers call active', () => {
    const now = Date.parse('2024-05-01T10:05:00Z');
    const dead = {
      ...am('am-1', [
        amAlert(haproxyLabels('web1'), {
          state: 'suppressed',
          silencedBy: ['s'],
          updatedAt: '2024-05-01T10:06:00.000Z', // even a clock ahead cannot win once stale
        }),
      ]),
      fetchedAt: now - 60_000,
      failing: true,
    };
    const alive = (name: string) => ({
      ...am(name, [amAlert(haproxyLabels('web1'), { updatedAt: '2024-05-01T10:04:50.000Z' })]),
      fetchedAt: now,
      failing: false,
    });
    const { live, stale } = liveBatches([dead, alive('am-2'), alive('am-3')], now, 15_000);
    expect(mergeAlerts(live).map((a) => [a.state, a.origins.map((o) => o.source)])).toEqual([
      ['active', ['am-2', 'am-3']],
    ]);
    expect(mergeAlerts(stale).map((a) => a.state)).toEqual(['silenced']);
  });
});
