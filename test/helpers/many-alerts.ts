// A large, realistic Alertmanager `/api/v2/alerts` body: about 700 bytes per alert, as a real
// Alertmanager sends them, for the size-cap and performance checks.
import type { Alert } from '../../src/core/alerts/alert.js';
import { parseAlertmanagerAlerts } from '../../src/core/alerts/alertmanager-api.js';
import { amAlert } from './api-fixtures.js';

/** `count` distinct alerts as Alertmanager's JSON text. */
export function manyAlertsBody(count: number): string {
  const alerts = [];
  for (let i = 0; i < count; i += 1) {
    const labels = {
      alertname: `KubePodCrashLooping${i % 7}`,
      severity: ['critical', 'warning', 'info'][i % 3] ?? 'info',
      namespace: `team-${i % 50}`,
      pod: `checkout-service-7d9f8b6c5d-${i.toString(36).padStart(5, '0')}`,
      container: 'checkout',
      instance: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}:8080`,
      job: 'kube-state-metrics',
    };
    alerts.push(
      amAlert(labels, {
        annotations: {
          summary: `Pod ${labels.namespace}/${labels.pod} is crash looping`,
          description: `Pod ${labels.namespace}/${labels.pod} (${labels.container}) is restarting 2.5 times / 10 minutes.`,
          runbook_url: 'https://runbooks.example.com/kubernetes/kubepodcrashlooping',
        },
        startsAt: new Date(Date.UTC(2024, 4, 1, 10, 0, i % 3600)).toISOString(),
      }),
    );
  }
  return JSON.stringify(alerts);
}

/** The same alerts as manyAlertsBody, read as sitrep reads an Alertmanager's answer (source `am`). */
export function manyAlerts(count: number): Alert[] {
  return [
    ...parseAlertmanagerAlerts(JSON.parse(manyAlertsBody(count)), { kind: 'alertmanager', source: 'am' })
      .alerts,
  ];
}
