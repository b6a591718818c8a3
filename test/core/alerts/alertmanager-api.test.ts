import { describe, expect, it } from 'vitest';
import {
  parseAlertmanagerAlerts,
  parseAlertmanagerStatus,
} from '../../../src/core/alerts/alertmanager-api.js';
import { ShapeError } from '../../../src/core/alerts/shape.js';
import { amAlert, haproxyLabels } from '../../helpers/api-fixtures.js';

const origin = { kind: 'alertmanager' as const, source: 'am-1' };

describe('parseAlertmanagerAlerts', () => {
  it('reads an alert with its labels, annotations, state, times and runbook link', () => {
    const json = [
      amAlert(haproxyLabels('web1'), {
        annotations: { summary: 'web1 refuses', runbook: 'haproxy/HaproxyServerConnectionErrors.md' },
        startsAt: '2024-05-01T10:00:00.5+02:00',
        fingerprint: '07cf7160d83f8e59',
      }),
    ];
    const { alerts, problems } = parseAlertmanagerAlerts(json, origin);
    expect(problems).toEqual([]);
    expect(alerts).toEqual([
      {
        fingerprint: '07cf7160d83f8e59',
        name: 'HaproxyServerConnectionErrors',
        labels: haproxyLabels('web1'),
        annotations: { summary: 'web1 refuses', runbook: 'haproxy/HaproxyServerConnectionErrors.md' },
        severity: 'critical',
        state: 'active',
        startsAt: '2024-05-01T08:00:00.500Z',
        updatedAt: '2024-05-01T10:00:01.000Z',
        silencedBy: [],
        inhibitedBy: [],
        generatorURL: 'http://prometheus.example/graph?g0.expr=up',
        runbookUrl: 'haproxy/HaproxyServerConnectionErrors.md',
        origins: [origin],
      },
    ]);
  });

  it('prefers runbook_url over runbook', () => {
    const json = [
      amAlert({ alertname: 'A' }, { annotations: { runbook: 'x.md', runbook_url: 'https://wiki/a' } }),
    ];
    expect(parseAlertmanagerAlerts(json, origin).alerts[0]?.runbookUrl).toBe('https://wiki/a');
  });

  it('tells silenced from inhibited alerts, which Alertmanager both calls suppressed', () => {
    const json = [
      amAlert({ alertname: 'A' }, { state: 'suppressed', silencedBy: ['s1'] }),
      amAlert({ alertname: 'B' }, { state: 'suppressed', inhibitedBy: ['f1'] }),
      amAlert({ alertname: 'C' }, { state: 'unprocessed' }),
    ];
    const states = parseAlertmanagerAlerts(json, origin).alerts.map((a) => [a.name, a.state, a.silencedBy]);
    expect(states).toEqual([
      ['A', 'silenced', ['s1']],
      ['B', 'inhibited', []],
      ['C', 'unprocessed', []],
    ]);
  });

  it('gives severity "none" without a severity label, and lower-cases it', () => {
    const json = [amAlert({ alertname: 'A' }), amAlert({ alertname: 'B', severity: 'Warning' })];
    expect(parseAlertmanagerAlerts(json, origin).alerts.map((a) => a.severity)).toEqual(['none', 'warning']);
  });

  it('skips a malformed alert, says which and why, and keeps the rest', () => {
    const bad = { ...amAlert({ alertname: 'Bad' }), labels: { alertname: 'Bad', count: 3 } };
    const noStatus = { ...amAlert({ alertname: 'NoStatus' }), status: undefined };
    const { alerts, problems } = parseAlertmanagerAlerts(
      [amAlert({ alertname: 'Good' }), bad, noStatus, 'x'],
      origin,
    );
    expect(alerts.map((a) => a.name)).toEqual(['Good']);
    expect(problems).toEqual([
      'skipped [1].labels.count: expected a string, got the number 3',
      'skipped [2].status: expected an object, got nothing',
      'skipped [3]: expected an object, got "x"',
    ]);
  });

  it('throws a ShapeError when the body is not a list at all', () => {
    expect(() => parseAlertmanagerAlerts({ alerts: [] }, origin)).toThrow(ShapeError);
    expect(() => parseAlertmanagerAlerts(null, origin)).toThrow('expected a list, got null');
  });

  it('keeps a "__proto__" label as an ordinary label', () => {
    const json = JSON.parse(
      '[{"fingerprint":"f","startsAt":"2024-05-01T10:00:00Z","status":{"state":"active"},"labels":{"__proto__":"x","alertname":"P"}}]',
    ) as unknown;
    const alert = parseAlertmanagerAlerts(json, origin).alerts[0];
    expect(Object.getPrototypeOf(alert?.labels)).toBe(Object.prototype);
    expect(alert?.labels['__proto__']).toBe('x');
  });
});

describe('parseAlertmanagerStatus', () => {
  it('reads the status of a single Alertmanager', () => {
    const json = {
      cluster: { peers: [], status: 'disabled' },
      config: { original: 'route: {}\n' },
      uptime: '2026-11-26T21:12:13.641Z',
      versionInfo: { version: '0.25.0', revision: 'x' },
    };
    expect(parseAlertmanagerStatus(json)).toEqual({
      version: '0.25.0',
      uptime: '2026-11-26T21:12:13.641Z',
      clusterStatus: 'disabled',
      peers: [],
      configYaml: 'route: {}\n',
    });
    expect(() => parseAlertmanagerStatus({})).toThrow('cluster: expected an object, got nothing');
  });
});
