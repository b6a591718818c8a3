// Which alerts a listing shows, in the one order of src/core/alerts/order.ts.
import { formatDuration } from '../format/duration.js';
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
 * How long ago one of sitrep's own times was (an incident opened, an alert seen resolved), for
 * "… ago": `45 s`, `3 min 20 s`; `?` for no time. The screen's clock ticks once a second, so a time
 * just recorded can lie a moment after it: that reads `0 s`, never `in 412 ms ago`. An alert's
 * start, which a server sets, is shown by formatStartAge instead (a start in the future says so).
 */
export function formatElapsed(at: string, nowMs: number): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return '?';
  return formatDuration(Math.max(0, nowMs - ms));
}
