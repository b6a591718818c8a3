import { describe, expect, it } from 'vitest';
import { probeLines } from '../../../src/core/export/probe-tables.js';
import { formatStepReport } from '../../../src/core/probe/report.js';
import { buildProbeResult } from '../../../src/core/probe/result.js';
import type { Probe } from '../../../src/core/probe/probe.js';
import { orderSeries, seriesDirection, type OrderableSeries } from '../../../src/core/probe/series-order.js';
import { judgeValue, type Judgement } from '../../../src/core/probe/verdict.js';

const above: Judgement = { kind: 'thresholds', warn: { op: '>', value: 50 }, crit: { op: '>', value: 100 } };
const below: Judgement = { kind: 'thresholds', warn: { op: '<=', value: 2 }, crit: { op: '<', value: 1 } };
const none: Judgement = { kind: 'thresholds', warn: undefined, crit: undefined };

/** Series named by their `server` label, judged as the probe would. */
function series(judgement: Judgement, values: Record<string, number | undefined>): OrderableSeries[] {
  return Object.entries(values).map(([server, value]) => ({
    labels: { server },
    value,
    verdict: judgeValue(value, judgement),
  }));
}

const servers = (list: readonly OrderableSeries[]) => list.map((s) => s.labels['server']);

describe('orderSeries', () => {
  it('lists the worst verdict first, then the most alarming value (descending for >)', () => {
    const input = series(above, { a: 0, b: 0, c: 60, d: 250, e: 120, f: 70 });
    expect(servers(orderSeries(input, above))).toEqual(['d', 'e', 'f', 'c', 'a', 'b']);
  });

  it('lists the lowest value first for a < threshold', () => {
    const input = series(below, { a: 5, b: 0.5, c: 2, d: 0, e: 9 });
    expect(servers(orderSeries(input, below))).toEqual(['d', 'b', 'c', 'a', 'e']);
  });

  it('puts NaN and unknown values last, after every number, in label order', () => {
    const input = series(none, { z: undefined, y: NaN, x: 3, w: -Infinity, v: Infinity, u: NaN });
    expect(servers(orderSeries(input, none))).toEqual(['v', 'x', 'w', 'u', 'y', 'z']);
  });

  it('keeps a thresholded NaN (no data) after the judged series', () => {
    const input = series(above, { a: NaN, b: 10, c: 500 });
    expect(servers(orderSeries(input, above))).toEqual(['c', 'b', 'a']);
  });

  it('breaks ties by labels, whatever the input order', () => {
    const input = series(above, { c: 7, a: 7, b: 7 });
    expect(servers(orderSeries(input, above))).toEqual(['a', 'b', 'c']);
    expect(servers(orderSeries([...input].reverse(), above))).toEqual(['a', 'b', 'c']);
    // Equal infinities are a tie too (their difference is NaN).
    const inf = series(above, { b: Infinity, a: Infinity });
    expect(servers(orderSeries(inf, above))).toEqual(['a', 'b']);
  });

  it('orders by value alone when there are no thresholds, and keeps one series as it is', () => {
    expect(servers(orderSeries(series(none, { a: 1, b: 3, c: 2 }), none))).toEqual(['b', 'c', 'a']);
    expect(servers(orderSeries(series(none, { only: 4 }), none))).toEqual(['only']);
    expect(orderSeries([], none)).toEqual([]);
  });

  it('takes the direction from the critical threshold, else the warning', () => {
    expect(seriesDirection({ kind: 'condition' })).toBe('descending');
    expect(seriesDirection(none)).toBe('descending');
    expect(seriesDirection({ kind: 'thresholds', warn: { op: '<', value: 1 }, crit: undefined })).toBe(
      'ascending',
    );
    expect(
      seriesDirection({ kind: 'thresholds', warn: { op: '<', value: 1 }, crit: { op: '>=', value: 9 } }),
    ).toBe('descending');
  });
});

describe('a probe result', () => {
  it('lists the series in that order: the bad one first even when it came last', () => {
    const probe: Probe = {
      id: 'diagnosis-1#1',
      stepId: 'diagnosis-1',
      title: 'errors',
      query: 'x',
      unrunnable: undefined,
      judgement: above,
      rangeSeconds: 60,
      unit: undefined,
      narrowTo: undefined,
      role: 'runbook',
      note: undefined,
    };
    const result = buildProbeResult(probe, {
      instant: {
        ok: true,
        data: [
          { metric: { server: 'web1' }, timestamp: 0, value: 0 },
          { metric: { server: 'web2' }, timestamp: 0, value: 0 },
          { metric: { server: 'web3' }, timestamp: 0, value: 250 },
        ],
      },
      range: { ok: true, data: [] },
      evaluatedAt: 60,
      window: { start: 0, end: 60, step: 30 },
      timings: { startedAt: 0, instantMs: 1, rangeMs: 1, totalMs: 1 },
    });
    expect(result.series.map((s) => s.labels['server'])).toEqual(['web3', 'web1', 'web2']);
    // `sitrep probe` prints them in that order, and keeps the one that matters when it cuts the list.
    const text = formatStepReport('Diagnosis 1', [result], { maxSeries: 2 });
    const rows = text.split('\n').filter((line) => line.includes('server='));
    expect(rows.map((row) => /server="(web\d)"/.exec(row)?.[1])).toEqual(['web3', 'web1']);
    expect(text).toContain('… and 1 more series');
  });
});

describe('the postmortem', () => {
  it('lists a recorded probe in that order, even from a journal that kept the series by labels', () => {
    const lines = probeLines({
      title: 'errors',
      query: 'x',
      ranAt: '2026-11-26T03:10:00.000Z',
      verdict: 'critical',
      crit: { op: '>', value: 100 },
      series: [
        { labels: { server: 'web1' }, value: 0 },
        { labels: { server: 'web2' }, value: NaN },
        { labels: { server: 'web3' }, value: 250 },
      ],
    });
    const rows = lines.filter((line) => line.includes('server='));
    expect(rows.map((row) => /web\d/.exec(row)?.[0])).toEqual(['web3', 'web1', 'web2']);
  });
});
