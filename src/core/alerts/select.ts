// Which alerts a listing shows and in what order: the most severe first, and within a severity the
// most recent first, so a new page lands at the top of its band.
import { formatDuration } from '../format/duration.js';
import type { Alert, AlertState } from './alert.js';
import { matchesAll, type Matcher } from './matchers.js';

/** What to show: label matchers, and whether to include silenced and inhibited alerts. */
export interface AlertSelection {
  readonly matchers: readonly Matcher[];
  readonly silenced: boolean;
  readonly inhibited: boolean;
}

/** Firing (active, not yet processed) and pending alerts always show; the muted ones on request. */
export function isShown(state: AlertState, selection: AlertSelection): boolean {
  switch (state) {
    case 'active':
    case 'unprocessed':
    case 'pending':
      return true;
    case 'silenced':
      return selection.silenced;
    case 'inhibited':
      return selection.inhibited;
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/** The alerts the selection shows, sorted (see sortAlerts). */
export function selectAlerts(alerts: readonly Alert[], selection: AlertSelection): Alert[] {
  return sortAlerts(
    alerts.filter((alert) => isShown(alert.state, selection) && matchesAll(selection.matchers, alert.labels)),
  );
}

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

/**
 * By severity, then newest first, then by name and fingerprint so the order is stable. Each
 * alert's keys are computed once (the feed sorts 10,000 alerts on every refresh; ranking and
 * parsing times inside the comparison cost ~70 ms of a refresh).
 */
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  const keyed = alerts.map((alert) => ({
    alert,
    rank: severityRank(alert.severity),
    startMs: Date.parse(alert.startsAt) || 0,
  }));
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.startMs - a.startMs ||
      compare(a.alert.name, b.alert.name) ||
      compare(a.alert.fingerprint, b.alert.fingerprint),
  );
  return keyed.map((k) => k.alert);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How long ago an alert started, for a table column: `45 s`, `3 min 20 s`, `2 h 5 min`. */
export function formatAge(startsAt: string, nowMs: number): string {
  const started = Date.parse(startsAt);
  if (Number.isNaN(started)) return '?';
  return formatDuration(Math.max(0, nowMs - started));
}
