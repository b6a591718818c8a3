// An incident opened again while its workspace shows (the runbook edited in $EDITOR and reloaded)
// keeps the focus on the step it was on, even when its rows differ: reopened before the alert rule
// answers, the probes' own rows are not there yet.
import { describe, expect, it } from 'vitest';
import { appReducer, initialApp, type AppState } from '../../../src/ui/state/app-state.js';
import { openedAction } from '../../../src/ui/hooks/use-intents-session.js';
import { fakeSession } from '../../helpers/fake-session.js';
import { sampleAlerts } from '../../helpers/alerts.js';

const [, web1] = sampleAlerts();
if (!web1) throw new Error('no alert');

const focused = (state: AppState) => state.workspace?.items[state.workspace.list.cursor];

describe('a workspace opened again', () => {
  it('keeps the focus on its step when the probes’ rows are not there yet', () => {
    const session = fakeSession([web1]);
    const shown = appReducer(initialApp, { type: 'showWorkspace', alerts: [web1] });
    let state = appReducer(shown, { type: 'workspace', action: openedAction(session) });
    expect(state.workspace?.items[0]).toBe('alert-expression');
    while (focused(state) !== 'diagnosis-2') state = appReducer(state, { type: 'key', name: 'j' });
    const reopened = appReducer(state, {
      type: 'workspace',
      action: { ...openedAction(session), probeSteps: [], probesPending: true },
    });
    expect(reopened.workspace?.items).not.toContain('alert-expression');
    expect(focused(reopened)).toBe('diagnosis-2');
  });

  it('starts another incident at the top, wherever the last one was', () => {
    const [, , other] = sampleAlerts();
    if (!other) throw new Error('no alert');
    const session = fakeSession([web1]);
    let state = appReducer(appReducer(initialApp, { type: 'showWorkspace', alerts: [web1] }), {
      type: 'workspace',
      action: openedAction(session),
    });
    while (focused(state) !== 'diagnosis-2') state = appReducer(state, { type: 'key', name: 'j' });
    const next = appReducer(appReducer(state, { type: 'showWorkspace', alerts: [other] }), {
      type: 'workspace',
      action: openedAction(fakeSession([other])),
    });
    expect(next.workspace?.list.cursor).toBe(0);
    expect(focused(next)).toBe('alert-expression');
  });
});
