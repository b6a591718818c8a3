import { describe, expect, it } from 'vitest';
import type { Runbook } from '../../../src/core/runbook/runbook.js';
import {
  incidentOpenedEvent,
  runbookOpenedEvent,
  runbookTextHash,
} from '../../../src/core/timeline/event-builders.js';
import { testAlert } from '../../helpers/alerts.js';

function alert(fingerprint: string, severity: string, server: string) {
  const labels = { alertname: 'HaproxyServerConnectionErrors', severity, server };
  const base = testAlert(labels, {
    startsAt: '2026-11-23T14:00:55.000Z',
    annotations: { summary: `HAProxy server ${server} refuses connections` },
  });
  return { ...base, fingerprint };
}

describe('incidentOpenedEvent', () => {
  it('records each alert and takes the most severe severity', () => {
    const event = incidentOpenedEvent({
      alerts: [alert('aaa1', 'warning', 'web1'), alert('bbb2', 'critical', 'web2')],
      at: '2026-11-23T14:01:20.000Z',
      entropy: 'seed',
    });
    expect(event).toMatchObject({
      type: 'incident-opened',
      at: '2026-11-23T14:01:20.000Z',
      title: 'HaproxyServerConnectionErrors',
      alertname: 'HaproxyServerConnectionErrors',
      severity: 'critical',
      summary: 'HAProxy server web1 refuses connections',
      alerts: [
        {
          fingerprint: 'aaa1',
          labels: { alertname: 'HaproxyServerConnectionErrors', severity: 'warning', server: 'web1' },
          startsAt: '2026-11-23T14:00:55.000Z',
        },
        {
          fingerprint: 'bbb2',
          labels: { alertname: 'HaproxyServerConnectionErrors', severity: 'critical', server: 'web2' },
          startsAt: '2026-11-23T14:00:55.000Z',
        },
      ],
    });
    expect(event.id).toMatch(/^2026-11-23-HaproxyServerConnectionErrors-[0-9a-f]{4}$/);
  });

  it('ranks severities as the inbox does: a named one, even unknown, before none', () => {
    const severityOf = (...severities: string[]) =>
      incidentOpenedEvent({
        alerts: severities.map((severity, i) => alert(`f${i}`, severity, `web${i}`)),
        at: '2026-11-23T14:01:20.000Z',
        entropy: 'seed',
      }).severity;
    expect(severityOf('info', 'page', 'warning')).toBe('page');
    expect(severityOf('none', 'sev1')).toBe('sev1');
  });

  it('refuses an empty list of alerts', () => {
    expect(() => incidentOpenedEvent({ alerts: [], at: '2026-11-23T14:01:20.000Z', entropy: 'x' })).toThrow();
  });
});

describe('runbookOpenedEvent', () => {
  it('keeps the steps (without probes) and a hash of the text', () => {
    const runbook: Runbook = {
      title: 'HAProxy',
      alerts: ['HaproxyServerConnectionErrors'],
      matchers: {},
      severity: undefined,
      owner: undefined,
      tags: [],
      meaning: undefined,
      impact: 'Users see 503s.',
      steps: [
        {
          id: 'diagnosis-1',
          section: 'diagnosis',
          group: undefined,
          text: 'Check',
          probes: [],
          position: { line: 3, column: 1 },
        },
        {
          id: 'mitigation-1',
          section: 'mitigation',
          group: 'Immediate',
          text: 'Drain',
          probes: [],
          position: { line: 9, column: 1 },
        },
      ],
      ruleExpr: undefined,
      problems: [],
    };
    const event = runbookOpenedEvent({
      at: '2026-11-23T14:01:21.000Z',
      runbook,
      source: { kind: 'builtin' },
      text: 'abc',
    });
    expect(event).toEqual({
      at: '2026-11-23T14:01:21.000Z',
      type: 'runbook-opened',
      source: { kind: 'builtin' },
      textHash: 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      title: 'HAProxy',
      impact: 'Users see 503s.',
      steps: [
        { id: 'diagnosis-1', section: 'diagnosis', text: 'Check' },
        { id: 'mitigation-1', section: 'mitigation', group: 'Immediate', text: 'Drain' },
      ],
    });
    expect(runbookTextHash('abc')).toBe(event.textHash);
  });
});
