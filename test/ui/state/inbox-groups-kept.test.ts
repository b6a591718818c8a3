// The inbox keeps its grouped alerts while they stay the same (a fold, an expand, a cleared
// filter reuse them instead of grouping every alert again); each step must still list exactly
// what deriving the rows afresh lists.
import { describe, expect, it } from 'vitest';
import {
  inboxReducer,
  initialInbox,
  type InboxAction,
  type InboxState,
} from '../../../src/ui/state/inbox-state.js';
import { manyAlerts } from '../../helpers/many-alerts.js';
import { describedRows, rowsAfresh } from './inbox-afresh.js';

// Every tenth alert silenced, so showing the muted ones changes the list.
const alerts = manyAlerts(300).map((a, i) => (i % 10 === 0 ? { ...a, state: 'silenced' as const } : a));

const described = describedRows;
const fresh = (state: InboxState) => rowsAfresh(state, alerts);

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
