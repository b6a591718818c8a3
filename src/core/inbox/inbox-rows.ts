// The inbox's rows: alerts grouped by alertname, a group folded into one row until it is
// expanded. Pure, so the windowed list can ask for rows 5,000 to 5,020 of a big incident cheaply.
import type { Alert } from '../alerts/alert.js';
import { severityRank, sortAlerts } from '../alerts/order.js';

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

/** Groups alerts by name; groups are ordered by their worst severity, then oldest start, then name. */
export function groupAlerts(alerts: readonly Alert[]): AlertGroup[] {
  const byName = new Map<string, Alert[]>();
  for (const alert of alerts) {
    const list = byName.get(alert.name);
    if (list) list.push(alert);
    else byName.set(alert.name, [alert]);
  }
  const groups = [...byName].map(([name, members]): AlertGroup => {
    const sorted = sortAlerts(members);
    const oldestStart = members.reduce(
      (oldest, a) => (Date.parse(a.startsAt) < Date.parse(oldest) ? a.startsAt : oldest),
      members[0]?.startsAt ?? '',
    );
    return { name, alerts: sorted, severity: sorted[0]?.severity ?? 'none', oldestStart };
  });
  return groups.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      Date.parse(a.oldestStart) - Date.parse(b.oldestStart) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
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
