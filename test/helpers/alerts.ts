// Domain alerts for tests of code that consumes alerts (the inbox, the workspace), built the same
// way the parsers build them.
import type { AlertState } from '../../src/core/alerts/alert.js';
import { labelsFingerprint } from '../../src/core/alerts/fingerprint.js';
import { makeAlert } from '../../src/core/alerts/make-alert.js';

/** An alert with these labels (alertname included), active, from Alertmanager `am`. */
export function testAlert(
  labels: Record<string, string>,
  options: { state?: AlertState; startsAt?: string; annotations?: Record<string, string> } = {},
) {
  return makeAlert({
    fingerprint: labelsFingerprint(labels),
    labels,
    annotations: options.annotations ?? { summary: `${labels['alertname'] ?? '?'} summary` },
    state: options.state ?? 'active',
    startsAt: options.startsAt ?? '2026-11-26T03:00:00.000Z',
    origin: { kind: 'alertmanager', source: 'am' },
  });
}

/** Four alerts in three groups, for the screens' tests: a critical single, a critical pair, a warning. */
export function sampleAlerts() {
  return [
    testAlert(
      { alertname: 'DiskFull', instance: 'db1', severity: 'critical' },
      { startsAt: '2026-11-26T02:00:00Z' },
    ),
    testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' }),
    testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web2', severity: 'critical' }),
    testAlert({ alertname: 'HaproxyHttpSlowingDown', proxy: 'app', severity: 'warning' }),
  ];
}
