import { describe, expect, it } from 'vitest';
import type { ProbeResultRecord, ProbeRunEvent } from '../../../src/core/timeline/events.js';
import type { IncidentProbeRun } from '../../../src/core/timeline/incident.js';
import { probeRunChanged } from '../../../src/core/timeline/probe-change.js';

function probe(value: number, verdict: ProbeResultRecord['verdict'] = 'critical'): ProbeResultRecord {
  return {
    title: 'Alert value',
    query: 'rate(x[1m])',
    ranAt: '2026-11-26T03:10:00.000Z',
    verdict,
    series: [{ labels: { server: 'web1' }, value }],
  };
}

const run = (value: number, verdict?: ProbeResultRecord['verdict'], alert = 'fp1'): IncidentProbeRun => ({
  at: '2026-11-26T03:10:00.000Z',
  alert,
  probes: [probe(value, verdict)],
});
const event = (value: number, verdict?: ProbeResultRecord['verdict'], alert = 'fp1'): ProbeRunEvent => ({
  type: 'probe-run',
  at: '2026-11-26T03:10:15.000Z',
  alert,
  probes: [probe(value, verdict)],
});

describe('journaling live probe runs only on change', () => {
  it('records the first run of a step', () => {
    expect(probeRunChanged(undefined, event(152))).toBe(true);
  });

  it('skips a run whose values read the same and whose verdicts did not change', () => {
    expect(probeRunChanged(run(152), event(152))).toBe(false);
    expect(probeRunChanged(run(152.001), event(152.004))).toBe(false);
    // A rate under steady load wobbles: 152 and 149 are the same reading (≈ 150).
    expect(probeRunChanged(run(152), event(149))).toBe(false);
    expect(probeRunChanged(run(0.0312), event(0.0314))).toBe(false);
  });

  it('records a changed value, a changed verdict, or another alert', () => {
    expect(probeRunChanged(run(152), event(240))).toBe(true);
    expect(probeRunChanged(run(152), event(170))).toBe(true);
    expect(probeRunChanged(run(152, 'critical'), event(152, 'ok'))).toBe(true);
    expect(probeRunChanged(run(152, 'critical', 'fp1'), event(152, 'critical', 'fp2'))).toBe(true);
  });

  it('records a series that appeared or went away', () => {
    const gone: ProbeRunEvent = { ...event(152), probes: [{ ...probe(1), series: [], verdict: 'no-data' }] };
    expect(probeRunChanged(run(152), gone)).toBe(true);
  });
});
