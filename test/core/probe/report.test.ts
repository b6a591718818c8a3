import { describe, expect, it } from 'vitest';
import { alertExpressionProbe } from '../../../src/core/probe/alert-probe.js';
import { probeResultJson } from '../../../src/core/probe/json.js';
import type { Probe } from '../../../src/core/probe/probe.js';
import { formatStepReport } from '../../../src/core/probe/report.js';
import { buildProbeResult, unrunnableResult } from '../../../src/core/probe/result.js';

const window = { start: 1000, end: 1090, step: 30 };
const timings = { startedAt: 1_090_000, instantMs: 3, rangeMs: 4, totalMs: 5 };
const runbookProbe: Probe = {
  id: 'diagnosis-1#1',
  stepId: 'diagnosis-1',
  title: 'Connection errors per second',
  query: 'sum by (proxy, server) (rate(haproxy_server_connection_errors_total{server="web1"}[1m]))',
  unrunnable: undefined,
  judgement: { kind: 'thresholds', warn: { op: '>', value: 50 }, crit: { op: '>', value: 100 } },
  rangeSeconds: 90,
  unit: 'req/s',
  narrowTo: undefined,
  role: 'runbook',
  note: undefined,
};

const points = [0, 100, 200, 250].map((value, index) => ({ timestamp: 1000 + index * 30, value }));

describe('formatStepReport', () => {
  it('shows title, thresholds, query, and a row per series with value, verdict and trend', () => {
    const result = buildProbeResult(runbookProbe, {
      instant: {
        ok: true,
        data: [{ metric: { proxy: 'be_app', server: 'web1' }, timestamp: 0, value: 249.8 }],
      },
      range: { ok: true, data: [{ metric: { proxy: 'be_app', server: 'web1' }, points }] },
      evaluatedAt: 1090,
      window,
      timings,
    });
    expect(formatStepReport('Diagnosis 1: find the backend', [result])).toBe(
      [
        'Diagnosis 1: find the backend',
        '  Connection errors per second (warn > 50, crit > 100) — critical',
        '    sum by (proxy, server) (rate(haproxy_server_connection_errors_total{server="web1"}[1m]))',
        '      {proxy="be_app", server="web1"}  250 req/s  critical  ▁▄▇█',
        '',
      ].join('\n'),
    );
  });

  it('says no data, errors, narrowing and notes in words', () => {
    const empty = buildProbeResult(runbookProbe, {
      instant: { ok: true, data: [] },
      range: { ok: true, data: [] },
      evaluatedAt: 1090,
      window,
      timings,
    });
    const failed = buildProbeResult(runbookProbe, {
      instant: {
        ok: false,
        failure: {
          kind: 'prometheus',
          errorType: 'bad_data',
          message: '1:5: parse error: unclosed left parenthesis',
        },
      },
      range: undefined,
      evaluatedAt: 1090,
      window,
      timings,
    });
    const alert = alertExpressionProbe(
      { expr: 'sum by (server) (rate(x[1m])) > 100', labels: {}, origin: 'prometheus' },
      { server: 'web3' },
    );
    const narrowed = buildProbeResult(alert, {
      instant: { ok: true, data: [{ metric: { server: 'web1' }, timestamp: 0, value: 1 }] },
      range: { ok: true, data: [] },
      evaluatedAt: 1090,
      window,
      timings,
    });
    const blocked = unrunnableResult(
      { ...runbookProbe, unrunnable: 'the alert has no label "pod"' },
      window,
      0,
    );
    const text = formatStepReport('step', [empty, failed, narrowed, blocked]);
    expect(text).toContain('no data: the query returned no series');
    expect(text).toContain('error: Prometheus bad_data: 1:5: parse error: unclosed left parenthesis');
    expect(text).toContain('no data for this alert (1 series for other alerts of the rule)');
    expect(text).toContain("note: from Prometheus's rule");
    expect(text).toContain('error: not run: the alert has no label "pod"');
  });

  it('removes escape sequences that came from labels, titles and errors', () => {
    const hostile = buildProbeResult(
      { ...runbookProbe, title: 'evil\u001b]0;pwned\u0007 title' },
      {
        instant: { ok: true, data: [{ metric: { server: 'web\u001b[2J1' }, timestamp: 0, value: 1 }] },
        range: {
          ok: false,
          failure: { kind: 'transport', message: 'bad\u001b[31m body', errorType: undefined },
        },
        evaluatedAt: 1090,
        window,
        timings,
      },
    );
    const text = formatStepReport('step\u001b[1A', [hostile]);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('range failed: bad body');
  });

  it('leaves out the labels every series shares when rows would be cut, and shows them once', () => {
    const metric = (proxy: string, server: string) => ({
      __name__: 'haproxy_server_status',
      instance: '127.0.0.1:28404',
      job: 'haproxy',
      proxy,
      server,
    });
    const result = buildProbeResult(
      {
        ...runbookProbe,
        judgement: { kind: 'thresholds', warn: undefined, crit: undefined },
        unit: undefined,
      },
      {
        instant: {
          ok: true,
          data: [
            { metric: metric('app', 'web1'), timestamp: 0, value: 1 },
            { metric: metric('app', 'web2'), timestamp: 0, value: 0 },
          ],
        },
        range: { ok: true, data: [] },
        evaluatedAt: 1090,
        window,
        timings,
      },
    );
    const lines = formatStepReport('step', [result]).split('\n');
    expect(lines).toContain(
      '      all 2 series: haproxy_server_status{instance="127.0.0.1:28404", job="haproxy", proxy="app"}',
    );
    expect(lines).toContain('      {server="web1"}  1  unjudged');
    expect(lines).toContain('      {server="web2"}  0  unjudged');
  });

  it('shows the worst series first and counts the ones left out', () => {
    const data = Array.from({ length: 12 }, (_, index) => ({
      metric: { i: String(index) },
      timestamp: 0,
      value: index * 10,
    }));
    const result = buildProbeResult(runbookProbe, {
      instant: { ok: true, data },
      range: { ok: true, data: [] },
      evaluatedAt: 1090,
      window,
      timings,
    });
    const lines = formatStepReport('step', [result], { maxSeries: 3 }).split('\n');
    expect(lines[3]).toContain('{i="11"}');
    expect(lines[3]).toContain('critical');
    expect(lines).toContain('      … and 9 more series');
  });
});

describe('probeResultJson', () => {
  it('writes values as Prometheus does, so NaN and infinities survive JSON', () => {
    const result = buildProbeResult(runbookProbe, {
      instant: {
        ok: true,
        data: [
          { metric: { a: '1' }, timestamp: 0, value: NaN },
          { metric: { a: '2' }, timestamp: 0, value: Infinity },
        ],
      },
      range: {
        ok: true,
        data: [{ metric: { a: '2' }, points: [{ timestamp: 1000, value: -Infinity }] }],
      },
      evaluatedAt: 1090,
      window,
      timings,
    });
    const json = JSON.parse(JSON.stringify(probeResultJson(result))) as ReturnType<typeof probeResultJson>;
    // The critical series first, the NaN (no data) last: the order of series-order.ts.
    expect(json.series.map((s) => s.value)).toEqual(['+Inf', 'NaN']);
    expect(json.series[0]?.points).toEqual([[1000, '-Inf']]);
    expect(json).toMatchObject({
      id: 'diagnosis-1#1',
      verdict: 'critical',
      judgement: 'thresholds',
      crit: { op: '>', value: 100 },
      error: null,
      range: { start: '1970-01-01T00:16:40.000Z', end: '1970-01-01T00:18:10.000Z', stepSeconds: 30 },
    });
  });

  it('says unjudged for a probe without thresholds, and null for a unit of "none"', () => {
    const plain: Probe = {
      ...runbookProbe,
      unit: 'none',
      judgement: { kind: 'thresholds', warn: undefined, crit: undefined },
    };
    const result = buildProbeResult(plain, {
      instant: { ok: true, data: [{ metric: { a: '1' }, timestamp: 0, value: 3 }] },
      range: { ok: true, data: [] },
      evaluatedAt: 1090,
      window,
      timings,
    });
    expect(probeResultJson(result)).toMatchObject({ unit: null, verdict: 'unjudged' });
    expect(formatStepReport('Step', [result])).toContain('{a="1"}  3  unjudged');
  });
});
