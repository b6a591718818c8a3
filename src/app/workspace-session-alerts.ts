// An incident's alerts as a session uses them. A resumed journal names its alerts by fingerprint;
// the feed may list them (fresher annotations and state) or not yet (just started, or they
// resolved): then the journal's recorded copy stands in, with its labels and no annotations.
import type { Alert } from '../core/alerts/alert.js';
import { makeAlert } from '../core/alerts/make-alert.js';
import type { Journal } from '../store/journal.js';

/** Where an alert comes from that no source lists now: the incident's own record of it. */
const recordedOrigin = { kind: 'alertmanager', source: 'journal' } as const;

/**
 * The incident's alerts, in the journal's order: the feed's copy of each one still there (fresher
 * annotations and state), the recorded one otherwise. Firing ones first, so probes use a live alert.
 */
export function liveAlerts(journal: Journal, currentAlerts: readonly Alert[]): Alert[] {
  const byFingerprint = new Map(currentAlerts.map((a) => [a.fingerprint, a]));
  const alerts = (journal.incident()?.alerts ?? []).map(
    (a) =>
      byFingerprint.get(a.fingerprint) ??
      makeAlert({
        fingerprint: a.fingerprint,
        labels: a.labels,
        annotations: {},
        state: 'active',
        startsAt: a.startsAt,
        origin: recordedOrigin,
      }),
  );
  const live = alerts.filter((a) => byFingerprint.has(a.fingerprint));
  return [...live, ...alerts.filter((a) => !byFingerprint.has(a.fingerprint))];
}

/** An alert as the journal recorded it (no source lists it now): labels only, no annotations. */
export function isRecordedCopy(alert: Alert): boolean {
  return alert.origins.includes(recordedOrigin);
}
