// On a short terminal the workspace's frame never grows past the screen: with the alert's past,
// a message and a long checklist at 80×24, the checklist gives up rows (around its cursor) so the
// pane keeps its least rows and everything adds up to the rows there are.
import { describe, expect, it } from 'vitest';
import { workspaceLayout } from '../../../src/ui/state/workspace-layout.js';
import { openingWorkspace, workspaceReducer } from '../../../src/ui/state/workspace-state.js';
import { testAlert } from '../../helpers/alerts.js';
import { fakeSession } from '../../helpers/fake-session.js';

const alert = testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' });

function workspaceAt(rows: number) {
  const session = fakeSession([alert]);
  const opened = session.events[1];
  if (opened?.type !== 'runbook-opened') throw new Error('the fake session changed');
  const steps = Array.from({ length: 12 }, (_, i) => ({
    id: `diagnosis-${i + 1}`,
    section: 'diagnosis' as const,
    text: `Step ${i + 1}`,
  }));
  session.events[1] = { ...opened, steps };
  let state = workspaceReducer(openingWorkspace([alert], 10, '/tmp', [alert], { rows, width: 79 }), {
    type: 'opened',
    id: session.id,
    runbook: { ...session.runbook, notes: ['Diagnosis: read the logs first'] },
    probeSteps: session.probeSteps,
    incident: session.incident(),
    recording: { ok: false, pending: 2, error: 'disk full' },
    volatileLabels: [],
  });
  state = workspaceReducer(state, {
    type: 'past',
    past: { history: 'Fired 2 times in the last 7 days', report: undefined, lastTime: 'Last time, …' },
  });
  return workspaceReducer(state, { type: 'message', text: 'Runbook reloaded at 03:10' });
}

describe('workspace layout on a short terminal', () => {
  it.each([23, 20, 16])('fits %i rows with the past, two message lines and 13 checklist rows', (rows) => {
    const state = workspaceAt(rows);
    const layout = workspaceLayout(state);
    // app chrome 3; title, alert, runbook 3; context; past; gap, border, pane footer, probe age 4; messages 2.
    const used =
      3 +
      3 +
      layout.context.length +
      layout.past +
      4 +
      2 +
      layout.checklist +
      layout.detailRows +
      layout.probeRows;
    expect(used).toBeLessThanOrEqual(
      Math.max(rows, 3 + 3 + layout.context.length + layout.past + 4 + 2 + 1 + 6),
    );
    expect(layout.checklist).toBeGreaterThanOrEqual(1);
    expect(layout.detailRows + layout.probeRows).toBeGreaterThanOrEqual(6);
  });
});
