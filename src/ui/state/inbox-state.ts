// The inbox screen's state and its reducer. Rows are derived from the latest alerts and kept in
// the state, so a burst of keys (↓↓⏎ in one write) is applied to the rows the user is looking at,
// one key after another.
import type { Alert } from '../../core/alerts/alert.js';
import { compileFilter, passesFilter } from '../../core/inbox/inbox-filter.js';
import { groupAlerts, inboxRows, type InboxRow } from '../../core/inbox/inbox-rows.js';
import { emptyList, listReducer, type ListAction, type ListState } from './list-state.js';

/** Inbox state: the rows shown and how the user has narrowed and moved through them. */
export interface InboxState {
  readonly alerts: readonly Alert[];
  readonly rows: readonly InboxRow[];
  readonly list: ListState;
  readonly expanded: ReadonlySet<string>;
  readonly filterText: string;
  /** True while the user types in the `/` filter. */
  readonly editingFilter: boolean;
  /** Show silenced and inhibited alerts too. */
  readonly showMuted: boolean;
}

export type InboxAction =
  | { readonly type: 'alerts'; readonly alerts: readonly Alert[] }
  | { readonly type: 'list'; readonly action: ListAction }
  | { readonly type: 'toggleExpanded' }
  | { readonly type: 'toggleMuted' }
  | { readonly type: 'filterStart' }
  | { readonly type: 'filterType'; readonly text: string }
  | { readonly type: 'filterBackspace' }
  | { readonly type: 'filterEnd'; readonly keep: boolean }
  | { readonly type: 'height'; readonly height: number };

export const initialInbox: InboxState = {
  alerts: [],
  rows: [],
  list: emptyList,
  expanded: new Set(),
  filterText: '',
  editingFilter: false,
  showMuted: false,
};

const muted = new Set(['silenced', 'inhibited']);

function withRows(state: InboxState): InboxState {
  const filter = compileFilter(state.filterText);
  const shown = state.alerts.filter(
    (a) => (state.showMuted || !muted.has(a.state)) && passesFilter(filter, a),
  );
  const rows = inboxRows(groupAlerts(shown), state.expanded);
  const current = state.rows[state.list.cursor];
  // Keep the cursor on the same row when new data arrives, if that row is still there.
  const sameIndex = current === undefined ? -1 : rows.findIndex((row) => rowKey(row) === rowKey(current));
  const list = listReducer(
    { ...state.list, cursor: sameIndex >= 0 ? sameIndex : state.list.cursor },
    { type: 'resize', count: rows.length, height: state.list.height },
  );
  return { ...state, rows, list };
}

/** A key that identifies a row across refreshes. */
export function rowKey(row: InboxRow): string {
  return row.kind === 'group' ? `group:${row.group.name}` : `alert:${row.alert.fingerprint}`;
}

/** The next inbox state. */
export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'alerts':
      return withRows({ ...state, alerts: action.alerts });
    case 'list':
      return { ...state, list: listReducer(state.list, action.action) };
    case 'height':
      return {
        ...state,
        list: listReducer(state.list, { type: 'resize', count: state.rows.length, height: action.height }),
      };
    case 'toggleExpanded': {
      const row = state.rows[state.list.cursor];
      if (row?.kind !== 'group') return state;
      const expanded = new Set(state.expanded);
      if (expanded.has(row.group.name)) expanded.delete(row.group.name);
      else expanded.add(row.group.name);
      return withRows({ ...state, expanded });
    }
    case 'toggleMuted':
      return withRows({ ...state, showMuted: !state.showMuted });
    case 'filterStart':
      return { ...state, editingFilter: true };
    case 'filterType':
      return withRows({
        ...state,
        filterText: state.filterText + action.text,
        list: { ...state.list, cursor: 0 },
      });
    case 'filterBackspace':
      return withRows({ ...state, filterText: state.filterText.slice(0, -1) });
    case 'filterEnd':
      return action.keep
        ? { ...state, editingFilter: false }
        : withRows({ ...state, editingFilter: false, filterText: '' });
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/** The row under the cursor. */
export function selectedRow(state: InboxState): InboxRow | undefined {
  return state.rows[state.list.cursor];
}
