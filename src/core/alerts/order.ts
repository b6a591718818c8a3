// The one order of alerts, for the inbox's groups and their members, the feed and `sitrep alerts`:
// the most severe first; within a severity the OLDEST first; then by name and by labels.
//
// Why oldest first: the alert that has fired longest is usually the cause the others follow from,
// and it has cost the most already. It also keeps the list still while the engineer reads it: a
// new alert lands at the end of its severity band instead of pushing every row under the cursor
// down by one on each refresh.
import type { Alert } from './alert.js';
import { sameLabels } from './same-alert.js';

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

/** An alert's labels sorted by name, as one string to compare (`\0` ends a name, `\1` a value). */
function labelKey(alert: Alert): string {
  const names = Object.keys(alert.labels).sort();
  let key = '';
  for (const name of names) key += `${name}\u0000${alert.labels[name] ?? ''}\u0001`;
  return key;
}

/** Sorts after every real start time: an alert whose start cannot be read counts as the newest. */
export const unreadableStartMs = Number.MAX_SAFE_INTEGER;

/**
 * By severity, then oldest first, then by name, labels and fingerprint so the order is stable and
 * the same on every refresh. Each alert's keys are computed once (the feed sorts 10,000 alerts on
 * every refresh; ranking and parsing times inside the comparison cost ~70 ms of a refresh). An
 * unreadable start time counts as the newest.
 */
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return alerts
    .map((alert) => alertSortKey(alert))
    .sort(compareSortKeys)
    .map((k) => k.alert);
}

/** An alert with what the order compares, worked out once. */
export interface AlertSortKey {
  readonly alert: Alert;
  readonly rank: number;
  /** Its start in milliseconds; an unreadable start sorts as the newest. */
  readonly startMs: number;
  /** The label key, made the first time a tie needs it (most comparisons end before). */
  labels: string | undefined;
}

/** The keys sortAlerts compares, for callers that sort or check the order themselves. */
export function alertSortKey(alert: Alert): AlertSortKey {
  const startMs = Date.parse(alert.startsAt);
  return {
    alert,
    rank: severityRank(alert.severity),
    startMs: Number.isNaN(startMs) ? unreadableStartMs : startMs,
    labels: undefined,
  };
}

/** The order's comparison: negative when `a` comes first; 0 only for the same fingerprint and labels. */
export function compareSortKeys(a: AlertSortKey, b: AlertSortKey): number {
  return (
    a.rank - b.rank ||
    a.startMs - b.startMs ||
    compare(a.alert.name, b.alert.name) ||
    compare(labelsOf(a), labelsOf(b)) ||
    compare(a.alert.fingerprint, b.alert.fingerprint)
  );
}

function labelsOf(keyed: AlertSortKey): string {
  keyed.labels ??= labelKey(keyed.alert);
  return keyed.labels;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The same order as sortAlerts, reusing `previous` (an earlier sortAlerts answer) when `alerts`
 * holds the same fingerprints and each alert has the same keys (severity, start, name, labels) as
 * its namesake there: the usual refresh, where Alertmanager re-sends every alert with a new update
 * time. Then the new alerts are put in the old order, without sorting; otherwise sorts afresh.
 */
export function sortAlertsLike(previous: readonly Alert[], alerts: readonly Alert[]): Alert[] {
  if (previous.length !== alerts.length) return sortAlerts(alerts);
  const byFingerprint = new Map<string, Alert>();
  for (const alert of alerts) byFingerprint.set(alert.fingerprint, alert);
  if (byFingerprint.size !== alerts.length) return sortAlerts(alerts);
  const ordered: Alert[] = [];
  for (const before of previous) {
    const alert = byFingerprint.get(before.fingerprint);
    if (alert === undefined || !sameSortKeys(before, alert)) return sortAlerts(alerts);
    ordered.push(alert);
  }
  return ordered;
}

function sameSortKeys(a: Alert, b: Alert): boolean {
  if (a === b) return true;
  return (
    a.severity === b.severity &&
    a.startsAt === b.startsAt &&
    a.name === b.name &&
    (a.labels === b.labels || sameLabels(a.labels, b.labels))
  );
}
