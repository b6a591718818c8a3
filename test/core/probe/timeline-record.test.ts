import { describe, expect, it } from 'vitest';
import { alertExpressionProbe } from '../../../src/core/probe/alert-probe.js';
import type { Probe } from '../../../src/core/probe/probe.js';
import { buildProbeResult, unrunnableResult } from '../../../src/core/probe/result.js';
import type { ProbeRunEvent } from '../../../src/core/timeline/events.js';
import { probeRunEvent, recordedVerdict } from '../../../src/core/probe/timeline-record.js';
import { encodeEvent, parseJournal } from '../../../src/core/timeline/journal-codec.js';

/** Writes the event as a journal line and reads it back, as the journal does. */
function throughJournal(event: ProbeRunEvent) {
  return parseJournal(`${encodeEvent(event)}\n`).events;
}

const window = { start: 1_795_000_000, end: 1_795_000_060, step: 30 };
const timings = { startedAt: 1_795_000_060_000, instantMs: 3, rangeMs: 4, totalMs: 5 };
const alertProbe = alertExpressionProbe(
  { expr: 'sum by (server) (rate(x[1m])) > 100', labels: { severity: 'critical' }, origin: 'prometheus' },
  { alertname: 'A', server: 'web1', severity: 'critical' },
);

describe('probeRunEvent', () => {
  it('records the alert expression without a step, with its threshold, values and range', () => {
    const result = buildProbeResult(alertProbe, {
      instant: {
        ok: true,
        data: [
          { metric: { server: 'web1' }, timestamp: 0, value: 249.5 },
          { metric: { server: 'web2' }, timestamp: 0, value: 240 },
        ],
      },
      range: {
        ok: true,
        data: [
          {
            metric: { server: 'web1' },
            points: [
              { timestamp: window.start, value: 0 },
              { timestamp: window.end, value: Infinity },
            ],
          },
        ],
      },
      evaluatedAt: window.end + 0.5,
      window,
      timings,
    });
    const event = probeRunEvent('alert-expression', [result], timings.startedAt + 5);
    expect(event).toEqual({
      type: 'probe-run',
      at: '2026-11-18T11:07:40.005Z',
      probes: [
        {
          title: 'Alert value',
          query: 'sum by (server) (rate(x[1m]))',
          ranAt: '2026-11-18T11:07:40.500Z',
          verdict: 'critical',
          crit: { op: '>', value: 100 },
          series: [{ labels: { server: 'web1' }, value: 249.5 }],
          range: {
            stepSeconds: 30,
            series: [
              {
                labels: { server: 'web1' },
                points: [
                  [window.start, 0],
                  [window.end, Infinity],
                ],
              },
            ],
          },
          role: 'alert-rule',
        },
      ],
    });
    // The journal's own reader accepts it as it is.
    expect(throughJournal(event)).toEqual([event]);
  });

  it('records a step id, an unjudged probe as unjudged, and an error in words', () => {
    const plain: Probe = {
      ...alertProbe,
      id: 'diagnosis-3#1',
      stepId: 'diagnosis-3',
      title: 'state',
      query: 'up',
      judgement: { kind: 'thresholds', warn: undefined, crit: undefined },
      narrowTo: undefined,
      role: 'runbook',
      unit: 'none',
    };
    const shown = buildProbeResult(plain, {
      instant: { ok: true, data: [{ metric: { job: 'x' }, timestamp: 0, value: 1 }] },
      range: { ok: true, data: [] },
      evaluatedAt: window.end,
      window,
      timings,
    });
    const failed = unrunnableResult(
      { ...plain, unrunnable: 'the alert has no label "pod"' },
      window,
      timings.startedAt,
    );
    const event = probeRunEvent('diagnosis-3', [shown, failed], timings.startedAt);
    expect(event.stepId).toBe('diagnosis-3');
    expect(event.probes[0]).toMatchObject({ verdict: 'unjudged', unit: 'none' });
    expect(event.probes[0]).not.toHaveProperty('warn');
    expect(event.probes[0]).not.toHaveProperty('crit');
    expect(event.probes[1]).toMatchObject({
      verdict: 'error',
      error: 'the alert has no label "pod"',
      series: [],
    });
    expect(event.probes[1]).not.toHaveProperty('range');
    expect(throughJournal(event)).toEqual([event]);
  });
});

describe('recordedVerdict', () => {
  const record = { title: 't', query: 'up', ranAt: '2026-11-23T14:00:00.000Z', series: [] };
  it('reads an older journal’s "ok" for a probe with no thresholds as unjudged', () => {
    expect(recordedVerdict({ ...record, verdict: 'ok' })).toBe('unjudged');
    expect(recordedVerdict({ ...record, verdict: 'ok', warn: { op: '>', value: 1 } })).toBe('ok');
    // The alert expression run whole is judged by its condition: its "ok" stands.
    expect(recordedVerdict({ ...record, verdict: 'ok', role: 'alert-rule' })).toBe('ok');
    expect(recordedVerdict({ ...record, verdict: 'unjudged' })).toBe('unjudged');
  });
});
