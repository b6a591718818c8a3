// Response bodies shaped like Alertmanager 0.25 and Prometheus 2.42 send them (copied in shape, not
// content, from the real stack), for tests that need a server's answer without the server.
import { labelsFingerprint } from '../../src/core/alerts/fingerprint.js';

/** One `gettableAlert` from `GET /api/v2/alerts`. */
export function amAlert(
  labels: Record<string, string>,
  options: {
    state?: 'active' | 'suppressed' | 'unprocessed';
    silencedBy?: string[];
    inhibitedBy?: string[];
    annotations?: Record<string, string>;
    startsAt?: string;
    updatedAt?: string;
    fingerprint?: string;
  } = {},
) {
  return {
    annotations: options.annotations ?? { summary: `summary of ${labels['alertname'] ?? '?'}` },
    endsAt: '2030-01-01T00:05:00.000Z',
    fingerprint: options.fingerprint ?? labelsFingerprint(labels),
    receivers: [{ name: 'default' }],
    startsAt: options.startsAt ?? '2024-05-01T10:00:00.000Z',
    status: {
      inhibitedBy: options.inhibitedBy ?? [],
      silencedBy: options.silencedBy ?? [],
      state: options.state ?? 'active',
    },
    updatedAt: options.updatedAt ?? '2024-05-01T10:00:01.000Z',
    generatorURL: 'http://prometheus.example/graph?g0.expr=up',
    labels,
  };
}

/** The `/api/v1/alerts` envelope around some Prometheus alerts. */
export function promAlerts(
  alerts: {
    labels: Record<string, string>;
    state?: 'firing' | 'pending';
    annotations?: Record<string, string>;
    activeAt?: string;
  }[],
) {
  return {
    status: 'success',
    data: {
      alerts: alerts.map((a) => ({
        labels: a.labels,
        annotations: a.annotations ?? {},
        state: a.state ?? 'firing',
        activeAt: a.activeAt ?? '2024-05-01T09:59:30.123456789Z',
        value: '2.5e+02',
      })),
    },
  };
}

/** Labels of the stack's seed alert for one HAProxy server. */
export function haproxyLabels(server: string) {
  return { alertname: 'HaproxyServerConnectionErrors', server, severity: 'critical' };
}
