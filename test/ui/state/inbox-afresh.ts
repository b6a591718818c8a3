// What the inbox lists, derived from scratch: the yardstick for the inbox's reuse of earlier work
// (the filter narrowing from the last keystroke, the groups kept across folds).
import type { Alert } from '../../../src/core/alerts/alert.js';
import { readFilter } from '../../../src/core/alerts/filter.js';
import { inboxReducer, initialInbox, rowKey, type InboxState } from '../../../src/ui/state/inbox-state.js';

/** Each row with the alerts behind it (a folded group's key alone would not show what it holds) and whether its group is open. */
export const describedRows = (state: InboxState): string[] =>
  state.rows.map(
    (row) =>
      `${rowKey(row)} ${row.kind === 'group' && row.expanded ? 'open' : ''} ${row.group.alerts.map((a) => a.fingerprint).join(',')}`,
  );

/** The rows of `state` derived from scratch, from the same alerts in a new array, so nothing is reused. */
export function rowsAfresh(state: InboxState, alerts: readonly Alert[]): string[] {
  return describedRows(
    inboxReducer(
      {
        ...initialInbox,
        showMuted: state.showMuted,
        filterText: state.filterText,
        filter: readFilter(state.filterText).filter,
        expanded: state.expanded,
      },
      { type: 'alerts', alerts: [...alerts] },
    ),
  );
}
