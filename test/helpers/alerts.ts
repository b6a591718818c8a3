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
