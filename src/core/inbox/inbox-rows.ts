// The inbox's rows: alerts grouped by alertname, a group folded into one row until it is
// expanded. Pure, so the windowed list can ask for rows 5,000 to 5,020 of a big incident cheaply.
import type { Alert } from '../alerts/alert.js';
import {
  alertSortKey,
  compareSortKeys,
  severityRank,
  sortAlerts,
  unreadableStartMs,
  type AlertSortKey,
} from '../alerts/order.js';

/** All alerts of one alertname. */
export interface AlertGroup {
  readonly name: string;
  /** In the one order of src/core/alerts/order.ts: most severe, then oldest first, then labels. */
  readonly alerts: readonly Alert[];
  /** The most severe severity among them. */
  readonly severity: string;
  /** ISO time of the oldest start. */
  readonly oldestStart: string;
}

/** One row of the inbox list. */
export type InboxRow =
  | { readonly kind: 'group'; readonly group: AlertGroup; readonly expanded: boolean }
  | { readonly kind: 'alert'; readonly alert: Alert; readonly group: AlertGroup };

/** One group as it is gathered: its alerts, whether they came in the order, their oldest start. */
interface Gathering {
  readonly alerts: Alert[];
  inOrder: boolean;
  /** The last alert's severity rank and start (as the order counts it). */
  lastRank: number;
  lastStartMs: number;
  /** The last alert's full sort key, when a tie made one (it may tie with the next too). */
  lastKey: AlertSortKey | undefined;
  oldestStart: string;
  /** Date.parse of oldestStart: NaN when unreadable (then no later start replaces it). */
  oldestMs: number;
}

/**
 * Groups alerts by name; groups are ordered by their worst severity, then oldest start, then name.
 * Each start time is parsed once, and a group whose alerts came in the order of
 * src/core/alerts/order.ts (the feed sends them so) is not sorted again. No object is made per
 * alert unless two tie on severity and start: at 10,000 alerts, keys kept per alert cost more in
 * garbage collection than the sort they spare.
 */
export function groupAlerts(alerts: readonly Alert[]): AlertGroup[] {
  const byName = new Map<string, Gathering>();
  for (const alert of alerts) {
    const ms = Date.parse(alert.startsAt);
    const rank = severityRank(alert.severity);
    const startMs = Number.isNaN(ms) ? unreadableStartMs : ms;
    const gathering = byName.get(alert.name);
    if (gathering === undefined) {
      byName.set(alert.name, {
        alerts: [alert],
        inOrder: true,
        lastRank: rank,
        lastStartMs: startMs,
        lastKey: undefined,
        oldestStart: alert.startsAt,
        oldestMs: ms,
      });
      continue;
    }
    const { alerts: members } = gathering;
    if (gathering.inOrder) {
      const order = gathering.lastRank - rank || gathering.lastStartMs - startMs;
      if (order > 0) gathering.inOrder = false;
      else if (order === 0) {
        // A tie on severity and start: the labels and the fingerprint decide, as in the order.
        const previous = members[members.length - 1];
        const key = alertSortKey(alert);
        const lastKey = gathering.lastKey ?? (previous && alertSortKey(previous));
        if (lastKey && compareSortKeys(lastKey, key) > 0) gathering.inOrder = false;
        gathering.lastKey = key;
      } else gathering.lastKey = undefined;
      gathering.lastRank = rank;
      gathering.lastStartMs = startMs;
    }
    members.push(alert);
    if (ms < gathering.oldestMs) {
      gathering.oldestStart = alert.startsAt;
      gathering.oldestMs = ms;
    }
  }
  const groups: { group: AlertGroup; rank: number; oldestMs: number }[] = [];
  for (const [name, gathering] of byName) {
    const sorted = gathering.inOrder ? gathering.alerts : sortAlerts(gathering.alerts);
    const severity = sorted[0]?.severity ?? 'none';
    groups.push({
      group: { name, alerts: sorted, severity, oldestStart: gathering.oldestStart },
      rank: severityRank(severity),
      oldestMs: gathering.oldestMs,
    });
  }
  return groups
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.oldestMs - b.oldestMs ||
        (a.group.name < b.group.name ? -1 : a.group.name > b.group.name ? 1 : 0),
    )
    .map((g) => g.group);
}

/**
 * The rows to list: a group with one alert is shown as that alert; a larger group is one row,
 * followed by its alerts when expanded.
 */
export function inboxRows(groups: readonly AlertGroup[], expanded: ReadonlySet<string>): InboxRow[] {
  const rows: InboxRow[] = [];
  for (const group of groups) {
    const [only] = group.alerts;
    if (group.alerts.length === 1 && only) {
      rows.push({ kind: 'alert', alert: only, group });
      continue;
    }
    const open = expanded.has(group.name);
    rows.push({ kind: 'group', group, expanded: open });
    if (open) for (const alert of group.alerts) rows.push({ kind: 'alert', alert, group });
  }
  return rows;
}

/** Count of alerts per severity, most severe first: [['critical', 3], ['warning', 1]]. */
export function severityCounts(alerts: readonly Alert[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const alert of alerts) counts.set(alert.severity, (counts.get(alert.severity) ?? 0) + 1);
  return [...counts].sort((a, b) => severityRank(a[0]) - severityRank(b[0]));
}
