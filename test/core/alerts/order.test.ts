import { describe, expect, it } from 'vitest';
import { severityRank, sortAlerts, sortAlertsLike } from '../../../src/core/alerts/order.js';
import { testAlert } from '../../helpers/alerts.js';

const at = (time: string) => ({ startsAt: `2026-11-26T${time}Z` });
const show = (alerts: ReturnType<typeof testAlert>[]) =>
  sortAlerts(alerts).map((a) => `${a.severity} ${a.name} ${a.labels.server ?? '-'}`);

describe('sortAlerts', () => {
  it('puts critical first, then warning, info, unknown severities, and no severity last', () => {
    const alerts = [
      testAlert({ alertname: 'A' }, at('03:00:00')),
      testAlert({ alertname: 'B', severity: 'info' }, at('03:00:00')),
      testAlert({ alertname: 'C', severity: 'p2' }, at('03:00:00')),
      testAlert({ alertname: 'D', severity: 'warning' }, at('03:00:00')),
      testAlert({ alertname: 'E', severity: 'critical' }, at('03:00:00')),
    ];
    expect(show(alerts)).toEqual(['critical E -', 'warning D -', 'info B -', 'p2 C -', 'none A -']);
    expect(severityRank('critical')).toBeLessThan(severityRank('warning'));
    expect(severityRank('info')).toBeLessThan(severityRank('p2'));
    expect(severityRank('p2')).toBeLessThan(severityRank('none'));
  });

  it('within a severity puts the oldest first, whatever the name', () => {
    const alerts = [
      testAlert({ alertname: 'A', severity: 'critical', server: 'new' }, at('03:05:00')),
      testAlert({ alertname: 'Z', severity: 'critical', server: 'old' }, at('02:00:00')),
      testAlert({ alertname: 'M', severity: 'critical', server: 'mid' }, at('03:00:00')),
    ];
    expect(show(alerts)).toEqual(['critical Z old', 'critical M mid', 'critical A new']);
  });

  it('breaks ties of the same age by name, then by labels', () => {
    const alerts = [
      testAlert({ alertname: 'B', severity: 'warning', server: 'web1' }, at('03:00:00')),
      testAlert({ alertname: 'A', severity: 'warning', server: 'web3' }, at('03:00:00')),
      testAlert({ alertname: 'A', severity: 'warning', server: 'web10' }, at('03:00:00')),
      testAlert({ alertname: 'A', severity: 'warning', server: 'web2' }, at('03:00:00')),
    ];
    expect(show(alerts)).toEqual(['warning A web10', 'warning A web2', 'warning A web3', 'warning B web1']);
  });

  it('puts an alert whose start time cannot be read after the dated ones of its severity', () => {
    const alerts = [
      testAlert({ alertname: 'Undated', severity: 'critical' }, { startsAt: 'yesterday' }),
      testAlert({ alertname: 'Dated', severity: 'critical' }, at('03:00:00')),
    ];
    expect(show(alerts)).toEqual(['critical Dated -', 'critical Undated -']);
  });

  it('gives the same order whatever order the alerts come in', () => {
    const alerts = Array.from({ length: 30 }, (_, i) =>
      testAlert(
        { alertname: `N${i % 4}`, severity: ['critical', 'warning', 'info'][i % 3] ?? '', server: `s${i}` },
        at(`03:0${i % 7}:00`),
      ),
    );
    const once = sortAlerts(alerts);
    expect(sortAlerts([...alerts].reverse())).toEqual(once);
  });
});

describe('sortAlertsLike', () => {
  it('gives the order sortAlerts gives, reusing the last one only when no sort key changed', () => {
    const base = [
      testAlert({ alertname: 'A', severity: 'warning', server: 'a' }, at('03:00:00')),
      testAlert({ alertname: 'B', severity: 'critical', server: 'b' }, at('04:00:00')),
      testAlert({ alertname: 'C', severity: 'critical', server: 'c' }, at('02:00:00')),
      testAlert({ alertname: 'D', severity: 'info', server: 'd' }, at('01:00:00')),
    ];
    const previous = sortAlerts(base);
    const resent = base.map((a) => ({ ...a, updatedAt: '2026-11-26T05:00:00Z' })).reverse();
    const changes = [
      resent,
      resent.map((a) => (a.name === 'D' ? { ...a, severity: 'critical' } : a)),
      resent.map((a) => (a.name === 'A' ? { ...a, startsAt: '2026-11-26T00:00:00Z' } : a)),
      resent.map((a) => (a.name === 'B' ? { ...a, labels: { ...a.labels, server: 'z' } } : a)),
      resent.map((a) => (a.name === 'C' ? { ...a, fingerprint: 'other' } : a)),
      resent.slice(1),
      [...resent, testAlert({ alertname: 'E', severity: 'critical' }, at('00:00:00'))],
    ];
    for (const alerts of changes) {
      const ordered = sortAlertsLike(previous, alerts);
      expect(ordered).toEqual(sortAlerts(alerts));
      expect(new Set(ordered)).toEqual(new Set(alerts));
    }
    expect(sortAlertsLike(previous, resent).map((a) => a.name)).toEqual(['C', 'B', 'A', 'D']);
  });
});
