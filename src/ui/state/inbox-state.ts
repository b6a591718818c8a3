// The inbox screen's state and its reducer. Rows are derived from the latest alerts and kept in
// the state, so a burst of keys (↓↓⏎ in one write) is applied to the rows the user is looking at,
// one key after another.
import type { Alert } from '../../core/alerts/alert.js';
import { compileFilter, passesFilter } from '../../core/inbox/inbox-filter.js';
import { groupAlerts, inboxRows, type InboxRow } from '../../core/inbox/inbox-rows.js';
import type { OpenIncidentSummary } from '../../app/services.js';
import { emptyList, listReducer, type ListAction, type ListState } from './list-state.js';

/** Inbox state: the rows shown and how the user has narrowed and moved through them. */
export interface InboxState {
  readonly alerts: readonly Alert[];
  readonly rows: readonly InboxRow[];
  /** Incidents still open, listed above the alerts so they can be resumed. */
  readonly incidents: readonly OpenIncidentSummary[];
  /** Over the incidents, then the alert rows. */
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
  | { readonly type: 'incidents'; readonly incidents: readonly OpenIncidentSummary[] }
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
  incidents: [],
  list: emptyList,
  expanded: new Set(),
  filterText: '',
  editingFilter: false,
  showMuted: false,
};

const muted = new Set(['silenced', 'inhibited']);

/** The last filtering done, to narrow from while the user types on. */
let lastShown:
  { alerts: readonly Alert[]; showMuted: boolean; filterText: string; shown: readonly Alert[] } | undefined;

// The alerts the filter lets through. Typing on in a word filter only narrows it (whatever has
// "httpd" has "http"), so each keystroke filters what the last one let through, not 10,000 alerts.
function shownAlerts(state: InboxState): readonly Alert[] {
  const filter = compileFilter(state.filterText);
  const last = lastShown;
  const narrowing =
    last !== undefined &&
    last.alerts === state.alerts &&
    last.showMuted === state.showMuted &&
    state.filterText.startsWith(last.filterText) &&
    filter.kind === 'text' &&
    compileFilter(last.filterText).kind !== 'matchers';
  const from = narrowing ? last.shown : state.alerts;
  const shown =
    narrowing && last.filterText === state.filterText
      ? last.shown
      : from.filter((a) => (state.showMuted || !muted.has(a.state)) && passesFilter(filter, a));
  lastShown = { alerts: state.alerts, showMuted: state.showMuted, filterText: state.filterText, shown };
  return shown;
}

function withRows(state: InboxState): InboxState {
  const shown = shownAlerts(state);
  const rows = inboxRows(groupAlerts(shown), state.expanded);
  const current = selectedRow(state);
  const keys = [...state.incidents.map((i) => `incident:${i.id}`), ...rows.map(rowKey)];
  // Keep the cursor on the same row when new data arrives, if that row is still there.
  const sameIndex = current === undefined ? -1 : keys.indexOf(current.key);
  const list = listReducer(
    { ...state.list, cursor: sameIndex >= 0 ? sameIndex : state.list.cursor },
    { type: 'resize', count: keys.length, height: state.list.height },
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
    case 'incidents':
      return withRows({ ...state, incidents: action.incidents });
    case 'list':
      return { ...state, list: listReducer(state.list, action.action) };
    case 'height':
      return {
        ...state,
        list: listReducer(state.list, { type: 'resize', count: state.rows.length, height: action.height }),
      };
    case 'toggleExpanded': {
      const row = selectedRow(state)?.row;
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

/** What the cursor is on: an open incident, or an alert row; `key` identifies it across refreshes. */
export type Selection =
  | { readonly key: string; readonly incident: OpenIncidentSummary; readonly row?: undefined }
  | { readonly key: string; readonly row: InboxRow; readonly incident?: undefined };

/** The row under the cursor. */
export function selectedRow(state: InboxState): Selection | undefined {
  const { cursor } = state.list;
  const incident = state.incidents[cursor];
  if (incident) return { key: `incident:${incident.id}`, incident };
  const row = state.rows[cursor - state.incidents.length];
  return row ? { key: rowKey(row), row } : undefined;
}
