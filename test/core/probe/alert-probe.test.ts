import { describe, expect, it } from 'vitest';
import type { Rule, RuleGroup } from '../../../src/core/alerts/prometheus-api.js';
import {
  alertExpressionProbe,
  alertExpressionRange,
  findAlertRule,
} from '../../../src/core/probe/alert-probe.js';

const labels = { alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' };

describe('alertExpressionProbe', () => {
  it('runs the rule without its comparison, judged by it, narrowed to the alert', () => {
    const probe = alertExpressionProbe(
      {
        expr: 'sum by (server) (rate(haproxy_server_connection_errors_total[1m])) > 100',
        labels: { severity: 'critical' },
        origin: 'prometheus',
      },
      labels,
    );
    expect(probe).toMatchObject({
      id: 'alert-expression',
      stepId: 'alert-expression',
      query: 'sum by (server) (rate(haproxy_server_connection_errors_total[1m]))',
      unrunnable: undefined,
      judgement: { kind: 'thresholds', crit: { op: '>', value: 100 } },
      narrowTo: { labels, ignore: ['severity'] },
      role: 'alert-rule',
      rangeSeconds: 1800,
    });
    expect(probe.note).toContain("Prometheus's rule");
  });

  it('says why when the threshold can not be split off, and when the rule is not PromQL', () => {
    const whole = alertExpressionProbe({ expr: 'a > b', labels: {}, origin: 'runbook' }, labels);
    expect(whole.judgement).toEqual({ kind: 'condition' });
    expect(whole.note).toContain('runbook');
    expect(whole.note).toContain('not a constant');
    const broken = alertExpressionProbe(
      { expr: 'sum(rate(x[1m]) > ', labels: {}, origin: 'runbook' },
      labels,
    );
    expect(broken.unrunnable).toContain('not valid PromQL');
  });
});

describe('alertExpressionRange', () => {
  const now = 1_800_000_000_000;
  it('is 10 minutes for a fresh alert, 30 when its start is unknown, and reaches back before an older one started', () => {
    expect(alertExpressionRange(now - 5 * 60_000, now)).toBe(600);
    expect(alertExpressionRange(now - 9 * 60_000, now)).toBe(12 * 60);
    expect(alertExpressionRange(now - 60 * 60_000, now)).toBe(75 * 60);
    expect(alertExpressionRange(now - 7 * 86_400_000, now)).toBe(86_400);
    expect(alertExpressionRange(undefined, now)).toBe(1800);
    expect(alertExpressionRange(now + 60_000, now)).toBe(1800);
  });
});

describe('findAlertRule', () => {
  const rule = (name: string, query: string, labels: Record<string, string>, state = 'inactive'): Rule => ({
    type: 'alerting',
    name,
    query,
    durationSeconds: 0,
    labels,
    annotations: {},
    health: 'ok',
    lastError: undefined,
    state,
  });
  const groups: RuleGroup[] = [
    {
      name: 'g',
      file: 'rules.yml',
      rules: [
        { ...rule('Errors', 'rate(e[1m])', {}), type: 'recording' },
        rule('Errors', 'x > 10', { severity: 'warning' }),
        rule('Errors', 'x > 100', { severity: 'critical' }),
        rule('Other', 'y > 1', {}, 'firing'),
      ],
    },
  ];

  it('picks the rule with the alert name whose labels the alert carries', () => {
    expect(findAlertRule(groups, 'Errors', { alertname: 'Errors', severity: 'critical' })).toEqual({
      expr: 'x > 100',
      labels: { severity: 'critical' },
      origin: 'prometheus',
    });
    expect(findAlertRule(groups, 'Errors', { severity: 'warning' })?.expr).toBe('x > 10');
    expect(findAlertRule(groups, 'Missing', {})).toBeUndefined();
  });

  it('prefers a firing rule when the labels do not tell them apart', () => {
    const both: RuleGroup[] = [
      { name: 'g', file: '', rules: [rule('A', 'a > 1', {}), rule('A', 'a > 2', {}, 'firing')] },
    ];
    expect(findAlertRule(both, 'A', {})?.expr).toBe('a > 2');
  });

  it('picks, of one name per exporter, the rule whose expression gives the alert its labels', () => {
    const exporter = rule('ServerDown', 'min by (backend, server) (haproxy_server_up) == 0', {}, 'firing');
    const builtin = rule(
      'ServerDown',
      'max by (proxy, server) (haproxy_server_status{state="DOWN"}) > 0',
      {},
      'firing',
    );
    const groups: RuleGroup[] = [
      { name: 'exporter', file: '', rules: [exporter] },
      { name: 'builtin', file: '', rules: [builtin] },
    ];
    const labels = (extra: Record<string, string>) => ({ alertname: 'ServerDown', server: 'bad1', ...extra });
    expect(findAlertRule(groups, 'ServerDown', labels({ proxy: 'checked' }))?.expr).toBe(builtin.query);
    expect(findAlertRule(groups, 'ServerDown', labels({ backend: 'checked' }))?.expr).toBe(exporter.query);
    // A label neither keeps (an external label) does not tell them apart.
    expect(findAlertRule(groups, 'ServerDown', labels({ proxy: 'checked', cluster: 'eu' }))?.expr).toBe(
      builtin.query,
    );
  });
});
