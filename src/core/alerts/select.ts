// Which alerts a listing shows, in the one order of src/core/alerts/order.ts.
import { formatStartAge } from '../format/start-time.js';
import type { Alert, AlertState } from './alert.js';
import { matchesAll, type Matcher } from './matchers.js';
import { sortAlerts } from './order.js';

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

/**
 * How long ago an alert started, for a table column: `45 s`, `3 min 20 s`, `2 h 5 min`; a start in
 * the future (by the server's clock) as `in 1 h 59 min` (core/format/start-time.ts has the rule).
 */
export function formatAge(startsAt: string, nowMs: number): string {
  return formatStartAge(startsAt, nowMs);
}
