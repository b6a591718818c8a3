// The inbox keeps its grouped alerts while they stay the same (a fold, an expand, a cleared
// filter reuse them instead of grouping every alert again); each step must still list exactly
// what deriving the rows afresh lists.
import { describe, expect, it } from 'vitest';
import { parseAlertmanagerAlerts } from '../../../src/core/alerts/alertmanager-api.js';
import { readFilter } from '../../../src/core/alerts/filter.js';
import {
  inboxReducer,
  initialInbox,
  rowKey,
  type InboxAction,
  type InboxState,
} from '../../../src/ui/state/inbox-state.js';
import { manyAlertsBody } from '../../helpers/many-alerts.js';

// Every tenth alert silenced, so showing the muted ones changes the list.
const alerts = parseAlertmanagerAlerts(JSON.parse(manyAlertsBody(300)), {
  kind: 'alertmanager',
  source: 'am',
}).alerts.map((a, i) => (i % 10 === 0 ? { ...a, state: 'silenced' as const } : a));

/** Each row with the alerts behind it, and whether its group is open. */
const described = (state: InboxState) =>
  state.rows.map(
    (row) =>
      `${rowKey(row)} ${row.kind === 'group' && row.expanded ? 'open' : ''} ${row.group.alerts.map((a) => a.fingerprint).join(',')}`,
  );

/** The rows of `state` derived from scratch, from the same alerts in a new array. */
function fresh(state: InboxState): string[] {
  return described(
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

const typed = (text: string) => [...text].map((t): InboxAction => ({ type: 'filterType', text: t }));

describe('the inbox groups', () => {
  it('are reused for a fold, an expand and a cleared filter, and list what deriving afresh lists', () => {
    let state = inboxReducer(initialInbox, { type: 'alerts', alerts });
    const unfiltered = state.filtered.groups;
    const steps: [InboxAction, InboxState][] = [];
    const walk: InboxAction[] = [
      { type: 'toggleExpanded' },
      { type: 'list', action: { type: 'move', by: 3 } },
      { type: 'toggleExpanded' },
      { type: 'filterStart' },
      ...typed('team-1'),
      { type: 'filterEnd', keep: false },
      { type: 'expandAll', expanded: true },
      { type: 'toggleMuted' },
      { type: 'toggleMuted' },
      { type: 'expandAll', expanded: false },
    ];
    for (const action of walk) {
      state = inboxReducer(state, action);
      steps.push([action, state]);
    }
    for (const [action, step] of steps)
      expect(described(step), `after ${JSON.stringify(action)}`).toEqual(fresh(step));
    // A step that kept the alerts and cleared the filter listed the groups made at the start.
    const cleared = steps.find(([action]) => action.type === 'filterEnd')?.[1];
    expect(cleared?.filtered.groups).toBe(unfiltered);
    expect(steps.find(([action]) => action.type === 'expandAll')?.[1].filtered.groups).toBe(unfiltered);
    // New alerts are grouped anew, and the old unfiltered result is let go.
    const refreshed = inboxReducer(state, { type: 'alerts', alerts: [...alerts] });
    expect(refreshed.filtered.groups).not.toBe(state.filtered.groups);
    expect(described(refreshed)).toEqual(fresh(refreshed));
    const filteredThenRefreshed = inboxReducer(inboxReducer(refreshed, typed('team-2')[0]!), {
      type: 'alerts',
      alerts: [...alerts],
    });
    expect(filteredThenRefreshed.plain.from).not.toBe(refreshed.alerts);
  });
});
