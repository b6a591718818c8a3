// The one order of alerts, for the inbox's groups and their members, the feed and `sitrep alerts`:
// the most severe first; within a severity the OLDEST first; then by name and by labels.
//
// Why oldest first: the alert that has fired longest is usually the cause the others follow from,
// and it has cost the most already. It also keeps the list still while the engineer reads it: a
// new alert lands at the end of its severity band instead of pushing every row under the cursor
// down by one on each refresh.
import type { Alert } from './alert.js';

const severityOrder: readonly string[] = [
  'critical',
  'page',
  'error',
  'high',
  'warning',
  'medium',
  'low',
  'info',
];

/** 0 for `critical`, growing as severity falls; unknown severities after `info`, `none` last. */
export function severityRank(severity: string): number {
  const index = severityOrder.indexOf(severity);
  if (index >= 0) return index;
  return severity === 'none' ? severityOrder.length + 1 : severityOrder.length;
}

/** `instance=db1 server=web1`: an alert's labels sorted by name, as one string to compare. */
function labelKey(alert: Alert): string {
  return Object.keys(alert.labels)
    .sort()
    .map((name) => `${name}=${alert.labels[name] ?? ''}`)
    .join('\u0000');
}

/**
 * By severity, then oldest first, then by name, labels and fingerprint so the order is stable and
 * the same on every refresh. Each alert's keys are computed once (the feed sorts 10,000 alerts on
 * every refresh; ranking and parsing times inside the comparison cost ~70 ms of a refresh). An
 * unreadable start time counts as the newest.
 */
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  const keyed = alerts.map((alert) => {
    const startMs = Date.parse(alert.startsAt);
    return {
      alert,
      rank: severityRank(alert.severity),
      startMs: Number.isNaN(startMs) ? Number.POSITIVE_INFINITY : startMs,
      labels: labelKey(alert),
    };
  });
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      compareNumbers(a.startMs, b.startMs) ||
      compare(a.alert.name, b.alert.name) ||
      compare(a.labels, b.labels) ||
      compare(a.alert.fingerprint, b.alert.fingerprint),
  );
  return keyed.map((k) => k.alert);
}

// Infinity - Infinity is NaN, which sort() would read as "equal" only by luck.
function compareNumbers(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
