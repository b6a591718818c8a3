// A small but complete incident, used by the fold and export tests: two HAProxy servers failing,
// a runbook with diagnosis and mitigation steps, probes, a note, a silence, then resolution.
import type { TimelineEvent } from '../../../src/core/timeline/events.js';

export const incidentId = '2026-11-23-HaproxyServerConnectionErrors-3f2a';

const web1 = {
  alertname: 'HaproxyServerConnectionErrors',
  severity: 'critical',
  backend: 'app',
  server: 'web1',
};
const web2 = { ...web1, server: 'web2' };

/** Unix seconds for a time on 2026-11-23 UTC. */
export function t(hhmmss: string): number {
  return Date.parse(`2026-11-23T${hhmmss}Z`) / 1000;
}

export const sampleEvents: TimelineEvent[] = [
  {
    at: '2026-11-23T14:01:20.000Z',
    type: 'incident-opened',
    id: incidentId,
    title: 'HaproxyServerConnectionErrors',
    alertname: 'HaproxyServerConnectionErrors',
    severity: 'critical',
    alerts: [
      { fingerprint: 'aaa1', labels: web1, startsAt: '2026-11-23T14:00:55.000Z' },
      { fingerprint: 'bbb2', labels: web2, startsAt: '2026-11-23T14:01:00.000Z' },
    ],
    summary: 'HAProxy server web1 refuses connections',
  },
  {
    at: '2026-11-23T14:01:21.000Z',
    type: 'runbook-opened',
    source: { kind: 'file', path: 'runbooks/haproxy/server-connection-errors.md' },
    textHash: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    title: 'HAProxy server connection errors',
    impact: 'Requests routed to the failing server get 503 errors.',
    steps: [
      { id: 'diagnosis-1', section: 'diagnosis', text: 'Check the connection error rate per server' },
      { id: 'diagnosis-2', section: 'diagnosis', text: 'Check whether the backend servers are up' },
      { id: 'mitigation-1', section: 'mitigation', group: 'Immediate', text: 'Drain the failing server' },
      { id: 'mitigation-2', section: 'mitigation', group: 'Immediate', text: 'Restart the backend' },
      {
        id: 'mitigation-3',
        section: 'mitigation',
        group: 'Follow-up',
        text: 'Open a ticket for the backend team',
      },
    ],
  },
  {
    at: '2026-11-23T14:02:00.000Z',
    type: 'probe-run',
    stepId: 'diagnosis-1',
    probes: [
      {
        title: 'Connection errors by server',
        query: 'sum by (server) (rate(haproxy_server_connection_errors_total{backend="app"}[1m]))',
        ranAt: '2026-11-23T14:02:00.000Z',
        verdict: 'critical',
        unit: 'errors/s',
        warn: { op: '>', value: 10 },
        crit: { op: '>', value: 100 },
        series: [
          { labels: { server: 'web1' }, value: 150 },
          { labels: { server: 'web2' }, value: 12.25 },
          { labels: { server: 'web3' }, value: NaN },
        ],
      },
    ],
  },
  {
    at: '2026-11-23T14:02:05.000Z',
    type: 'probe-run',
    probes: [
      {
        title: 'Alert expression',
        query: 'sum by (server) (rate(haproxy_server_connection_errors_total[1m]))',
        ranAt: '2026-11-23T14:02:05.000Z',
        verdict: 'critical',
        crit: { op: '>', value: 100 },
        series: [{ labels: { server: 'web1' }, value: 150 }],
        range: {
          stepSeconds: 10,
          series: [
            {
              labels: { server: 'web1' },
              points: [
                [t('14:00:00'), 0],
                [t('14:00:10'), 0],
                [t('14:00:20'), 40],
                [t('14:00:30'), 90],
                [t('14:00:40'), 130],
                [t('14:00:50'), 150],
                [t('14:01:00'), 150],
              ],
            },
          ],
        },
        role: 'alert-rule',
      },
    ],
  },
  { at: '2026-11-23T14:02:30.000Z', type: 'step-done', stepId: 'diagnosis-1' },
  {
    at: '2026-11-23T14:03:00.000Z',
    type: 'step-skipped',
    stepId: 'diagnosis-2',
    reason: 'the dashboard shows it',
  },
  {
    at: '2026-11-23T14:03:10.000Z',
    type: 'note-added',
    text: 'web1 refuses connections.\nChecked the listener on the host.',
    author: 'alice',
  },
  {
    at: '2026-11-23T14:04:00.000Z',
    type: 'silence-created',
    silenceId: 'a1b2c3',
    matchers: [
      { name: 'alertname', value: 'HaproxyServerConnectionErrors', isRegex: false, isEqual: true },
      { name: 'server', value: 'web.*', isRegex: true, isEqual: true },
    ],
    comment: 'Working on it',
    author: 'alice',
    endsAt: '2026-11-23T15:04:00.000Z',
  },
  { at: '2026-11-23T14:05:00.000Z', type: 'step-done', stepId: 'mitigation-1' },
  { at: '2026-11-23T14:06:00.000Z', type: 'step-skipped', stepId: 'mitigation-2' },
  {
    at: '2026-11-23T14:10:00.000Z',
    type: 'summary-changed',
    value: 'Server web1 refused connections for 11 minutes.',
  },
  { at: '2026-11-23T14:12:00.000Z', type: 'alert-resolved', fingerprint: 'aaa1' },
  { at: '2026-11-23T14:12:30.000Z', type: 'incident-resolved' },
  { at: '2026-11-23T14:13:00.000Z', type: 'silence-expired', silenceId: 'a1b2c3' },
  { at: '2026-11-23T14:20:00.000Z', type: 'incident-closed' },
];
