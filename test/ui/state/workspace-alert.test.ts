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

  it('names a silence made elsewhere by its id while it is looked up, then by its author', () => {
    const pane = workspaceWith(['other-7']);
    const looking = alertPaneLines({ ...pane, facts: 'loading' }, 200).join('\n');
    expect(looking).toContain('silenced by silence other-7 (made outside this incident; looking it up…)');
    expect(looking).toContain('Value at firing: looking it up…');
    const silence = {
      id: 'other-7',
      matchers: [],
      startsAt: '2026-11-26T02:00:00.000Z',
      endsAt: '2026-11-26T05:30:00.000Z',
      updatedAt: '2026-11-26T02:00:00.000Z',
      createdBy: 'bo\u001b]0;owned\u0007',
      comment: 'kernel\nupgrade \u001b[5m',
      state: 'active' as const,
    };
    const found = workspaceReducer(pane, {
      type: 'alertFacts',
      facts: {
        valueAtFiring: {
          [testAlert(labels).fingerprint]: {
            known: true,
            value: 142.5,
            unit: undefined,
            at: '2026-11-26T03:00:00.000Z',
          },
        },
        silences: { 'other-7': { id: 'other-7', known: true, silence } },
      },
    });
    const text = alertPaneLines(found, 400).join('\n');
    expect(text).toMatch(
      /silenced by bo until 2026-11-26 05:30 UTC \(silence other-7, made outside this incident: "kernel upgrade/,
    );
    expect(text).toContain(
      "Value at firing: 143 at 2026-11-26 03:00 UTC (the rule's expression then, from Prometheus)",
    );
    // Nothing but the newlines between lines is a control character.
    expect([...text].filter((c) => c !== '\n' && (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127))).toEqual(
      [],
    );
  });

  it('says why a fact is unknown', () => {
    const pane = workspaceReducer(workspaceWith(['other-7']), {
      type: 'alertFacts',
      facts: {
        valueAtFiring: {
          [testAlert(labels).fingerprint]: { known: false, reason: 'no Prometheus configured' },
        },
        silences: { 'other-7': { id: 'other-7', known: false, reason: 'alertmanager am: HTTP 404' } },
      },
    });
    const text = alertPaneLines(pane, 400).join('\n');
    expect(text).toContain('Value at firing: unknown (no Prometheus configured)');
    expect(text).toContain('(made outside this incident; author unknown: alertmanager am: HTTP 404)');
  });
});
