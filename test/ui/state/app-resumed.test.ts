// `sitrep resume` with its session open before the first frame starts from the `resumed` action:
// the state the screen would reach the long way (sized, resuming, the session adopted), minus the
// intent to open a session that is open already.
import { describe, expect, it } from 'vitest';
import { appReducer, initialApp } from '../../../src/ui/state/app-state.js';
import { openedAction, resumedAction } from '../../../src/ui/hooks/use-intents-session.js';
import { fakeSession } from '../../helpers/fake-session.js';
import { sampleAlerts } from '../../helpers/alerts.js';

const [, web1] = sampleAlerts();
if (!web1) throw new Error('no alert');
const size = { rows: 38, columns: 119 };

describe('resuming with the session open already', () => {
  it('is the state of resuming, then adopting the session, without asking for it again', () => {
    const session = fakeSession([web1]);
    const resumed = appReducer(initialApp, resumedAction(session, size));
    const sized = appReducer(initialApp, { type: 'height', ...size });
    const resuming = appReducer(sized, { type: 'resume', id: session.id });
    expect(resuming.outbox).toEqual([{ type: 'resumeIncident', id: session.id }]);
    const adopted = appReducer(resuming, { type: 'workspace', action: openedAction(session) });
    expect(resumed).toEqual({ ...adopted, outbox: adopted.outbox.slice(1) });
  });

  it('opens on the workspace at the terminal size, its first step focused, the past and probes asked for', () => {
    const session = fakeSession([web1]);
    const state = appReducer(initialApp, resumedAction(session, size));
    expect(state.screen).toBe('workspace');
    expect([state.rows, state.columns]).toEqual([38, 119]);
    expect(state.workspace?.incident?.id).toBe(session.id);
    expect(state.workspace?.items[state.workspace.list.cursor]).toBe('alert-expression');
    expect(state.outbox).toEqual([{ type: 'loadPast' }, { type: 'runProbes', stepId: 'alert-expression' }]);
    expect(state.workspace?.past).toEqual({ kind: 'none' });
  });

  it('says the alert past is loading from the first frame when the session loads one', () => {
    const session = { ...fakeSession([web1]), alertPast: () => new Promise<never>(() => undefined) };
    const state = appReducer(initialApp, resumedAction(session, size));
    expect(state.workspace?.past).toEqual({ kind: 'loading' });
  });
});
