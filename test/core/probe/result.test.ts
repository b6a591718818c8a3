import { describe, expect, it } from 'vitest';
import { labelKey, seriesMatchesAlert } from '../../../src/core/probe/narrow.js';
import type { Probe } from '../../../src/core/probe/probe.js';
import type { ProbeRawRun } from '../../../src/core/probe/result.js';
import { buildProbeResult, probeRanCompletely, unrunnableResult } from '../../../src/core/probe/result.js';

const window = { start: 1000, end: 1060, step: 30 };
const timings = { startedAt: 1_060_000, instantMs: 5, rangeMs: 7, totalMs: 8 };

function probe(overrides: Partial<Probe> = {}): Probe {
  return {
    id: 'diagnosis-1#1',
    stepId: 'diagnosis-1',
    title: 'errors',
    query: 'x',
    unrunnable: undefined,
    judgement: { kind: 'thresholds', warn: { op: '>', value: 50 }, crit: { op: '>', value: 100 } },
    rangeSeconds: 60,
    unit: undefined,
    narrowTo: undefined,
    role: 'runbook',
    note: undefined,
    ...overrides,
  };
}

function run(overrides: Partial<ProbeRawRun>): ProbeRawRun {
  return {
    instant: { ok: true, data: [] },
    range: { ok: true, data: [] },
    evaluatedAt: 1060,
    window,
    timings,
    ...overrides,
  };
}

describe('buildProbeResult', () => {
  it('pairs instant values with range series and lets the worst series decide', () => {
    const result = buildProbeResult(
      probe(),
      run({
        instant: {
          ok: true,
          data: [
            { metric: { server: 'web2' }, timestamp: 0, value: 60 },
            { metric: { server: 'web1' }, timestamp: 0, value: 250 },
          ],
        },
        range: {
          ok: true,
          data: [
            { metric: { server: 'web1' }, points: [{ timestamp: 1000, value: 90 }] },
            { metric: { server: 'web3' }, points: [{ timestamp: 1000, value: 1 }] },
          ],
        },
      }),
    );
    expect(result.verdict).toBe('critical');
    expect(result.series.map((s) => [s.labels['server'], s.value, s.verdict, s.points.length])).toEqual([
      ['web1', 250, 'critical', 1],
      ['web2', 60, 'warn', 0],
      ['web3', undefined, 'no-data', 1],
    ]);
    expect(probeRanCompletely(result)).toBe(true);
  });

  it('calls an empty result no-data, not an error', () => {
    const result = buildProbeResult(probe(), run({}));
    expect(result.verdict).toBe('no-data');
    expect(result.error).toBeUndefined();
  });

  it('keeps NaN and infinities as values', () => {
    const result = buildProbeResult(
      probe(),
      run({
        instant: {
          ok: true,
          data: [
            { metric: { a: '1' }, timestamp: 0, value: NaN },
            { metric: { a: '2' }, timestamp: 0, value: Infinity },
          ],
        },
      }),
    );
    // The critical series first, the NaN (no data) last: the order of series-order.ts.
    expect(result.series.map((s) => s.value)).toEqual([Infinity, NaN]);
    expect(result.verdict).toBe('critical');
  });

  it('reports an instant failure as the error verdict and a range failure beside the values', () => {
    const failure = { kind: 'prometheus', errorType: 'bad_data', message: 'parse error' } as const;
    const failed = buildProbeResult(probe(), run({ instant: { ok: false, failure }, range: undefined }));
    expect(failed.verdict).toBe('error');
    expect(failed.error).toEqual(failure);
    const partial = buildProbeResult(
      probe(),
      run({
        instant: { ok: true, data: [{ metric: {}, timestamp: 0, value: 1 }] },
        range: { ok: false, failure },
      }),
    );
    expect(partial.verdict).toBe('ok');
    expect(partial.rangeError).toEqual(failure);
    expect(probeRanCompletely(partial)).toBe(false);
  });

  it('narrows the alert expression to the alert, counting the others', () => {
    const narrowed = probe({
      narrowTo: { labels: { alertname: 'A', server: 'web1', severity: 'critical' }, ignore: ['severity'] },
    });
    const result = buildProbeResult(
      narrowed,
      run({
        instant: {
          ok: true,
          data: [
            { metric: { server: 'web1', severity: 'page' }, timestamp: 0, value: 250 },
            { metric: { server: 'web2', severity: 'page' }, timestamp: 0, value: 10 },
          ],
        },
      }),
    );
    expect(result.series.map((s) => s.labels['server'])).toEqual(['web1']);
    expect(result.otherSeries).toBe(1);
  });

  it('gives an unrunnable probe an error naming why', () => {
    const result = unrunnableResult(probe({ unrunnable: 'the alert has no label "pod"' }), window, 1_060_000);
    expect(result.verdict).toBe('error');
    expect(result.error?.kind).toBe('unrunnable');
    expect(result.error?.message).toContain('"pod"');
  });
});

describe('seriesMatchesAlert', () => {
  const narrowing = { labels: { alertname: 'A', server: 'web1', job: 'haproxy' }, ignore: [] };
  it('needs every label both sides carry to agree', () => {
    expect(seriesMatchesAlert({ server: 'web1' }, narrowing)).toBe(true);
    expect(seriesMatchesAlert({ server: 'web2' }, narrowing)).toBe(false);
    expect(seriesMatchesAlert({}, narrowing)).toBe(true);
    expect(
      seriesMatchesAlert({ __name__: 'x', alertname: 'B', server: 'web1', proxy: 'be' }, narrowing),
    ).toBe(true);
    expect(seriesMatchesAlert({ job: 'node' }, narrowing)).toBe(false);
  });
});

describe('labelKey', () => {
  it('does not depend on label order and tells values apart', () => {
    expect(labelKey({ b: '2', a: '1' })).toBe(labelKey({ a: '1', b: '2' }));
    expect(labelKey({ a: '1, b="2"' })).not.toBe(labelKey({ a: '1', b: '2' }));
  });
});
