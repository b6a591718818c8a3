// The inbox screen's state and its reducer. Rows are derived from the latest alerts and kept in
// the state, so a burst of keys (↓↓⏎ in one write) is applied to the rows the user is looking at,
// one key after another.
import type { Alert } from '../../core/alerts/alert.js';
import {
  filterNarrows,
  noFilter,
  passesFilter,
  readFilter,
  type AlertFilter,
} from '../../core/alerts/filter.js';
import { groupAlerts, inboxRows, type AlertGroup, type InboxRow } from '../../core/inbox/inbox-rows.js';
import { filterIncidents } from '../../core/inbox/incident-filter.js';
import { arrangeIncidents } from '../../core/inbox/incident-order.js';
import type { OpenIncidentSummary } from '../../app/services.js';
import { sanitizeLine, type SafeText } from '../../core/sanitize.js';
import { emptyList, listReducer, type ListAction, type ListState } from './list-state.js';

/** Inbox state: the rows shown and how the user has narrowed and moved through them. */
export interface InboxState {
  readonly alerts: readonly Alert[];
  readonly rows: readonly InboxRow[];
  /** Incidents still open as the app listed them (newest first). */
  readonly givenIncidents: readonly OpenIncidentSummary[];
  /**
   * Those the filter keeps (src/core/inbox/incident-filter.ts) in inbox order, listed above the
   * alerts so they can be resumed: live ones first, then those whose alerts all resolved a while
   * ago (src/core/inbox/incident-order.ts).
   */
  readonly incidents: readonly OpenIncidentSummary[];
  /** How many of `incidents`, from the start, are live. */
  readonly liveIncidents: number;
  /** Incident id → when its alerts all resolved (ISO), for incidents none of whose alerts fire now. */
  readonly incidentsResolvedAt: ReadonlyMap<string, string>;
  /** The time the incident order was last worked out for (milliseconds; 0 before the first tick). */
  readonly nowMs: number;
  /** Over the incidents, then the alert rows. */
  readonly list: ListState;
  readonly expanded: ReadonlySet<string>;
  readonly filterText: string;
  /** The filter applied: the parts of `filterText` that parse. */
  readonly filter: AlertFilter;
  /** The parts of `filterText` that `filter` applies (all of them unless some do not parse). */
  readonly filterApplied: string;
  /** Why parts of `filterText` do not parse, in words (`filter` leaves them out). */
  readonly filterError: string | undefined;
  /** Alerts the list would show without the filter (muted ones only when shown). */
  readonly unfiltered: number;
  /** True while the user types in the `/` filter. */
  readonly editingFilter: boolean;
  /** Show silenced and inhibited alerts too. */
  readonly showMuted: boolean;
  /** The filter's last result, derived in withRows: what the next keystroke narrows from. */
  readonly filtered: Filtered;
  /**
   * The last result without a filter, while the alerts and the muted setting stay: clearing a
   * filter (esc) lists it again without filtering and grouping every alert anew.
   */
  readonly plain: Filtered;
}

/** Which alerts the filter let through, from which list, with which filter and muted setting. */
interface Filtered {
  readonly from: readonly Alert[];
  readonly showMuted: boolean;
  readonly filter: AlertFilter;
  readonly shown: readonly Alert[];
  /** `shown` grouped: kept with it, so a fold, an expand or a tick does not group 10,000 alerts. */
  readonly groups: readonly AlertGroup[];
  /** Alerts of `from` that are neither silenced nor inhibited. */
  readonly unmuted: number;
}

const noneFiltered: Filtered = {
  from: [],
  showMuted: false,
  filter: noFilter,
  shown: [],
  groups: [],
  unmuted: 0,
};

export type InboxAction =
  | { readonly type: 'alerts'; readonly alerts: readonly Alert[] }
  | { readonly type: 'incidents'; readonly incidents: readonly OpenIncidentSummary[] }
  /** The clock moved on: an incident quiet for long enough moves below the live ones. */
  | { readonly type: 'clock'; readonly nowMs: number }
  | { readonly type: 'list'; readonly action: ListAction }
  | { readonly type: 'toggleExpanded' }
  /** Expand (true) or fold (false) every group. */
  | { readonly type: 'expandAll'; readonly expanded: boolean }
  | { readonly type: 'toggleMuted' }
  | { readonly type: 'filterStart' }
  | { readonly type: 'filterType'; readonly text: string }
  | { readonly type: 'filterBackspace' }
  | { readonly type: 'filterEnd'; readonly keep: boolean }
  | { readonly type: 'height'; readonly height: number };

export const initialInbox: InboxState = {
  alerts: [],
  rows: [],
  givenIncidents: [],
  incidents: [],
  liveIncidents: 0,
  incidentsResolvedAt: new Map(),
  nowMs: 0,
  list: emptyList,
  expanded: new Set(),
  filterText: '',
  filter: noFilter,
  filterApplied: '',
  filterError: undefined,
  unfiltered: 0,
  editingFilter: false,
  showMuted: false,
  filtered: noneFiltered,
  plain: noneFiltered,
};

const muted = new Set(['silenced', 'inhibited']);

// Keeps the incidents the filter matches, in inbox order; an alert in the feed (pending aside)
// counts as firing. The set of fingerprints is made only when an incident's alerts resolved (once
// a second at 50,000 alerts, it would cost for nothing).
function withIncidentOrder(state: InboxState): InboxState {
  let firing: Set<string> | undefined;
  const isFiring = (fingerprint: string) => {
    firing ??= new Set(state.alerts.filter((a) => a.state !== 'pending').map((a) => a.fingerprint));
    return firing.has(fingerprint);
  };
  const kept = filterIncidents(state.givenIncidents, state.filter, state.alerts);
  const arranged = arrangeIncidents(kept, isFiring, state.nowMs);
  return {
    ...state,
    incidents: arranged.incidents,
    liveIncidents: arranged.live,
    incidentsResolvedAt: arranged.resolvedAt,
  };
}

function sameIncidentOrder(a: InboxState, b: InboxState): boolean {
  return (
    a.liveIncidents === b.liveIncidents &&
    a.incidents.length === b.incidents.length &&
    a.incidents.every((incident, i) => incident === b.incidents[i]) &&
    a.incidentsResolvedAt.size === b.incidentsResolvedAt.size &&
    [...a.incidentsResolvedAt].every(([id, at]) => b.incidentsResolvedAt.get(id) === at)
  );
}

// The alerts the filter lets through, grouped. Typing on in a filter mostly narrows it (whatever
// has "httpd" has "http"), so each keystroke filters what the last one let through (kept in the
// state), not 10,000 alerts; no filter lists the last unfiltered result while the alerts stay;
// the muted count is made once per alert list.
function filterAlerts(state: InboxState): Filtered {
  const last = state.filtered;
  const sameAlerts = last.from === state.alerts;
  const sameView = sameAlerts && last.showMuted === state.showMuted;
  if (sameView && last.filter === state.filter) return last;
  const { plain } = state;
  if (state.filter.empty && plain.from === state.alerts && plain.showMuted === state.showMuted) return plain;
  const source = sameView && filterNarrows(last.filter, state.filter) ? last.shown : state.alerts;
  const shown = source.filter(
    (a) => (state.showMuted || !muted.has(a.state)) && (state.filter.empty || passesFilter(state.filter, a)),
  );
  const unmuted = sameAlerts ? last.unmuted : state.alerts.filter((a) => !muted.has(a.state)).length;
  const groups = groupAlerts(shown);
  return { from: state.alerts, showMuted: state.showMuted, filter: state.filter, shown, groups, unmuted };
}

/** Recomputes the rows; the cursor stays on the row it was on in `before`, where it still is. */
function withRows(state: InboxState, before: InboxState = state): InboxState {
  const filtered = filterAlerts(state);
  // The unfiltered result is kept for this alert list only (an older one is let go).
  const plain = state.filter.empty
    ? filtered
    : state.plain.from === state.alerts
      ? state.plain
      : noneFiltered;
  const rows = inboxRows(filtered.groups, state.expanded);
  const current = selectedRow(before);
  const keys = [...state.incidents.map((i) => `incident:${i.id}`), ...rows.map(rowKey)];
  // Keep the cursor on the same row when new data arrives, if that row is still there; on an alert
  // whose group was folded, stay on its group.
  let sameIndex = current === undefined ? -1 : keys.indexOf(current.key);
  if (sameIndex < 0 && current?.row?.kind === 'alert')
    sameIndex = keys.indexOf(`group:${current.row.group.name}`);
  const list = listReducer(
    { ...state.list, cursor: sameIndex >= 0 ? sameIndex : state.list.cursor },
    { type: 'resize', count: keys.length, height: state.list.height },
  );
  return {
    ...state,
    rows,
    list,
    filtered,
    plain,
    unfiltered: state.showMuted ? state.alerts.length : filtered.unmuted,
  };
}

// Reads the filter text; a part that does not parse yet (a matcher half typed, a bad regex) is
// left out, and the error says why. The filter applies to the incident rows too, so the row Enter
// opens is one it matched: every change of the filter goes through here.
function withFilterText(state: InboxState, filterText: string): InboxState {
  const { filter, applied, problems } = readFilter(filterText);
  const filterError = problems.map((p) => p.message).join('; ') || undefined;
  return withIncidentOrder({ ...state, filterText, filter, filterApplied: applied, filterError });
}

/** A key that identifies a row across refreshes. */
export function rowKey(row: InboxRow): string {
  return row.kind === 'group' ? `group:${row.group.name}` : `alert:${row.alert.fingerprint}`;
}

/** The next inbox state. */
export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'alerts':
      return withRows(withIncidentOrder({ ...state, alerts: action.alerts }), state);
    case 'incidents':
      return withRows(withIncidentOrder({ ...state, givenIncidents: action.incidents }), state);
    case 'clock': {
      const next = withIncidentOrder({ ...state, nowMs: action.nowMs });
      // The alert rows are not recomputed for a tick that changes nothing (at 50,000 alerts, once
      // a second would cost).
      return sameIncidentOrder(next, state) ? { ...state, nowMs: action.nowMs } : withRows(next, state);
    }
    case 'list':
      return { ...state, list: listReducer(state.list, action.action) };
    case 'height':
      return {
        ...state,
        list: listReducer(state.list, {
          type: 'resize',
          count: state.incidents.length + state.rows.length,
          height: action.height,
        }),
      };
    case 'toggleExpanded': {
      const row = selectedRow(state)?.row;
      if (row?.kind !== 'group') return state;
      const expanded = new Set(state.expanded);
      if (expanded.has(row.group.name)) expanded.delete(row.group.name);
      else expanded.add(row.group.name);
      return withRows({ ...state, expanded });
    }
    case 'expandAll': {
      const expanded = action.expanded ? new Set(state.alerts.map((a) => a.name)) : new Set<string>();
      return withRows({ ...state, expanded });
    }
    case 'toggleMuted':
      return withRows({ ...state, showMuted: !state.showMuted });
    case 'filterStart':
      return { ...state, editingFilter: true };
    case 'filterType':
      return withRows(
        withFilterText({ ...state, list: { ...state.list, cursor: 0 } }, state.filterText + action.text),
      );
    case 'filterBackspace':
      return withRows(withFilterText(state, [...state.filterText].slice(0, -1).join('')));
    case 'filterEnd':
      return action.keep
        ? { ...state, editingFilter: false }
        : withRows(withFilterText({ ...state, editingFilter: false }, ''));
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

/** Why part of the typed filter does not parse and what is applied instead; undefined when all parses. */
export function filterProblemText(inbox: InboxState): SafeText | undefined {
  if (inbox.filterError === undefined) return undefined;
  const applied = inbox.filter.empty
    ? 'left out; nothing else to filter by'
    : `left out; filtering by \`${sanitizeLine(inbox.filterApplied, 100)}\``;
  return sanitizeLine(`${inbox.filterError} (${applied})`, 400);
}
