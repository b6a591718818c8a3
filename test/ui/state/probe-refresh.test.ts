import { describe, expect, it } from 'vitest';
import { appReducer, initialApp, type AppState } from '../../../src/ui/state/app-state.js';
import { probeRefreshTarget } from '../../../src/ui/state/workspace-probes.js';
import { alertProbe, fakeSession } from '../../helpers/fake-session.js';
import { sampleAlerts } from '../../helpers/alerts.js';

/** A workspace opened on web1 whose alert-expression probes finished once at `at`. */
function ready(at = 1000): AppState {
  const [, web1] = sampleAlerts();
  if (!web1) throw new Error('no alert');
  const session = fakeSession([web1]);
  let state = appReducer(initialApp, { type: 'showWorkspace', alerts: [web1] });
  state = appReducer(state, {
    type: 'workspace',
    action: {
      type: 'opened',
      id: session.id,
      runbook: session.runbook,
      probeSteps: session.probeSteps,
      incident: session.incident(),
      recording: session.recording(),
      volatileLabels: [],
    },
  });
  const results = alertProbe(152).results;
  return appReducer(
    { ...state, outbox: [] },
    { type: 'workspace', action: { type: 'probeFinished', stepId: 'alert-expression', results, at } },
  );
}

const due = (state: AppState) =>
  appReducer(state, { type: 'workspace', action: { type: 'probeDue', stepId: 'alert-expression' } });

describe('the automatic probe refresh', () => {
  it('re-runs the focused step when it is due', () => {
    const state = ready();
    expect(state.workspace && probeRefreshTarget(state.workspace)).toEqual({
      stepId: 'alert-expression',
      finishedAt: 1000,
      runs: 1,
    });
    expect(due(state).outbox).toEqual([{ type: 'runProbes', stepId: 'alert-expression' }]);
  });

  it('pauses while a dialog is open, and while a run is still going (never overlapping)', () => {
    const withNote = appReducer(ready(), { type: 'key', name: 'n' });
    expect(withNote.workspace?.mode.kind).toBe('note');
    expect(withNote.workspace && probeRefreshTarget(withNote.workspace)).toBeUndefined();
    expect(due(withNote).outbox).toEqual([]);
    const running = appReducer(ready(), {
      type: 'workspace',
      action: { type: 'probeStarted', stepId: 'alert-expression' },
    });
    expect(due(running).outbox).toEqual([]);
  });

  it('does nothing for a step that is no longer focused', () => {
    const moved = appReducer(ready(), { type: 'key', name: 'j' });
    expect(due({ ...moved, outbox: [] }).outbox).toEqual([]);
  });
});
