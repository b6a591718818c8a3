// The alert pane's words for a silenced alert: whose silence, until when, from the journal.
import { describe, expect, it } from 'vitest';
import { makeAlert } from '../../../src/core/alerts/make-alert.js';
import { alertPaneLines } from '../../../src/ui/state/workspace-alert.js';
import { openingWorkspace, workspaceReducer } from '../../../src/ui/state/workspace-state.js';
import { testAlert } from '../../helpers/alerts.js';
import { fakeSession } from '../../helpers/fake-session.js';

const labels = { alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' };

function workspaceWith(silencedBy: string[]) {
  const alert = testAlert(labels);
  const session = fakeSession([alert]);
  session.events.push({
    type: 'silence-created',
    at: '2026-11-26T03:10:00.000Z',
    silenceId: 'sil-1',
    matchers: [{ name: 'server', value: 'web1', isRegex: false, isEqual: true }],
    comment: 'draining',
    author: 'ana\u001b[2J',
    endsAt: '2026-11-26T04:10:00.000Z',
  });
  const opened = workspaceReducer(openingWorkspace([alert], 5, '/tmp'), {
    type: 'opened',
    id: session.id,
    runbook: session.runbook,
    probeSteps: [],
    incident: session.incident(),
    recording: session.recording(),
    volatileLabels: [],
  });
  const live = makeAlert({
    fingerprint: alert.fingerprint,
    labels,
    annotations: { summary: 'web1 down' },
    state: 'silenced',
    startsAt: alert.startsAt,
    silencedBy,
    origin: { kind: 'alertmanager', source: 'am-eu' },
  });
  return workspaceReducer(opened, { type: 'liveAlerts', alerts: [live] });
}

describe('alert pane', () => {
  it('says who silenced the alert and until when, from the latest poll', () => {
    const text = alertPaneLines(workspaceWith(['sil-1']), 200).join('\n');
    expect(text).toContain(
      'State: firing since 2026-11-26 03:00 UTC, silenced by ana until 2026-11-26 04:10 UTC',
    );
    expect(text).toContain('Seen by: alertmanager am-eu');
    expect(text).toContain('Summary: web1 down');
    expect(text).not.toContain('\u001b');
  });

  it('names a silence made elsewhere by its id', () => {
    const text = alertPaneLines(workspaceWith(['other-7']), 200).join('\n');
    expect(text).toContain('silenced by silence other-7 (made outside this incident)');
  });
});
