// The inbox filter narrows from the last keystroke's result while the user types on; every step
// must list exactly what filtering all alerts afresh lists.
import { describe, expect, it } from 'vitest';
import { parseAlertmanagerAlerts } from '../../../src/core/alerts/alertmanager-api.js';
import {
  inboxReducer,
  initialInbox,
  rowKey,
  type InboxAction,
  type InboxState,
} from '../../../src/ui/state/inbox-state.js';
import { readFilter } from '../../../src/core/alerts/filter.js';
import { manyAlertsBody } from '../../helpers/many-alerts.js';

const alerts = parseAlertmanagerAlerts(JSON.parse(manyAlertsBody(300)), {
  kind: 'alertmanager',
  source: 'am',
}).alerts;

/** A row with the alerts behind it (a folded group's key alone would not show what it holds). */
const described = (state: InboxState) =>
  state.rows.map((row) => `${rowKey(row)} ${row.group.alerts.map((a) => a.fingerprint).join(',')}`);

/** The rows of `state` computed from scratch: the same alerts in a new array, so nothing is reused. */
function fresh(state: InboxState): string[] {
  const start = inboxReducer(
    {
      ...initialInbox,
      showMuted: state.showMuted,
      filterText: state.filterText,
      filter: readFilter(state.filterText).filter,
      expanded: state.expanded,
    },
    { type: 'alerts', alerts: [...alerts] },
  );
  return described(start);
}

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
