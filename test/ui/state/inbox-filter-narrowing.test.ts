// The inbox filter narrows from the last keystroke's result while the user types on; every step
// must list exactly what filtering all alerts afresh lists.
import { describe, expect, it } from 'vitest';
import {
  inboxReducer,
  initialInbox,
  type InboxAction,
  type InboxState,
} from '../../../src/ui/state/inbox-state.js';
import { manyAlerts } from '../../helpers/many-alerts.js';
import { describedRows, rowsAfresh } from './inbox-afresh.js';

const alerts = manyAlerts(300);

const described = describedRows;
const fresh = (state: InboxState) => rowsAfresh(state, alerts);

describe('the inbox filter while typing', () => {
  it('lists at every keystroke what filtering every alert afresh lists', () => {
    const keys: InboxAction[] = [
      { type: 'filterStart' },
      ...[...'team-1'].map((text): InboxAction => ({ type: 'filterType', text })),
      { type: 'filterBackspace' },
      ...[...'2 crash'].map((text): InboxAction => ({ type: 'filterType', text })),
      { type: 'toggleMuted' },
      { type: 'filterEnd', keep: false },
      ...[...'severity="info"'].map((text): InboxAction => ({ type: 'filterType', text })),
      ...[...' x'].map((text): InboxAction => ({ type: 'filterType', text })),
    ];
    // The walk first, then each step against filtering afresh.
    let state = inboxReducer(initialInbox, { type: 'alerts', alerts });
    const steps: InboxState[] = [];
    for (const key of keys) {
      state = inboxReducer(state, key);
      steps.push(state);
    }
    const counts: number[] = [];
    for (const step of steps) {
      expect(described(step), `after "${step.filterText}"`).toEqual(fresh(step));
      counts.push(step.rows.reduce((n, row) => n + row.group.alerts.length, 0));
    }
    // The walk went through narrower and wider lists (words, matchers, nothing), not one list.
    expect([...new Set(counts)].sort((a, b) => a - b)).toEqual([0, 66, 100, 300]);
  });
});
