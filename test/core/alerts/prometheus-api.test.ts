import { describe, expect, it } from 'vitest';
import {
  parseBuildInfo,
  parsePrometheusAlerts,
  parsePrometheusEnvelope,
  parseRules,
  PrometheusApiError,
} from '../../../src/core/alerts/prometheus-api.js';
import { parseQueryResult, parseSampleValue } from '../../../src/core/alerts/prometheus-query.js';
import { ShapeError } from '../../../src/core/alerts/shape.js';
import { haproxyLabels, promAlerts } from '../../helpers/api-fixtures.js';

const origin = { kind: 'prometheus' as const, source: 'prom' };

describe('parsePrometheusEnvelope', () => {
  it('returns data and warnings of a success', () => {
    expect(parsePrometheusEnvelope({ status: 'success', data: { x: 1 }, warnings: ['partial'] })).toEqual({
      data: { x: 1 },
      warnings: ['partial'],
    });
  });

  it('turns status "error" into a PrometheusApiError with errorType and error', () => {
    const error = (() => {
      try {
        parsePrometheusEnvelope({ status: 'error', errorType: 'bad_data', error: 'parse error at char 5' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PrometheusApiError);
    expect(error).toMatchObject({
      errorType: 'bad_data',
      detail: 'parse error at char 5',
      message: 'bad_data: parse error at char 5',
    });
  });

  it('rejects a body that is not the envelope', () => {
    expect(() => parsePrometheusEnvelope([])).toThrow(ShapeError);
    expect(() => parsePrometheusEnvelope({ status: 'ok' })).toThrow('status: expected one of success, error');
    expect(() => parsePrometheusEnvelope({ status: 'success' })).toThrow('data: missing');
  });
});

describe('parsePrometheusAlerts', () => {
  it('reads firing and pending alerts with Alertmanager-compatible fingerprints', () => {
    const body = promAlerts([
      { labels: haproxyLabels('web1'), annotations: { runbook: 'r.md' } },
      { labels: { alertname: 'Slow', severity: 'warning' }, state: 'pending' },
    ]);
    const { alerts, problems } = parsePrometheusAlerts(parsePrometheusEnvelope(body).data, origin);
    expect(problems).toEqual([]);
    expect(alerts.map((a) => [a.name, a.state, a.fingerprint, a.runbookUrl, a.startsAt])).toEqual([
      ['HaproxyServerConnectionErrors', 'active', '07cf7160d83f8e59', 'r.md', '2024-05-01T09:59:30.123Z'],
      ['Slow', 'pending', expect.stringMatching(/^[0-9a-f]{16}$/), undefined, '2024-05-01T09:59:30.123Z'],
    ]);
    expect(alerts[0]?.origins).toEqual([origin]);
  });

  it('skips an alert of the wrong shape and says so', () => {
    const data = { alerts: [{ labels: {}, state: 'burning', activeAt: '2024-05-01T10:00:00Z' }] };
    expect(parsePrometheusAlerts(data, origin)).toEqual({
      alerts: [],
      problems: ['skipped data.alerts[0].state: expected one of firing, pending, inactive, got "burning"'],
    });
  });
});

describe('parseRules and parseBuildInfo', () => {
  it('reads alerting and recording rules by group', () => {
    const data = {
      groups: [
        {
          name: 'haproxy',
          file: '/rules.yml',
          rules: [
            {
              type: 'alerting',
              name: 'A',
              query: 'up == 0',
              duration: 60,
              labels: {},
              annotations: {},
              health: 'ok',
              state: 'firing',
            },
            { type: 'recording', name: 'r:x', query: 'sum(x)', health: 'err', lastError: 'boom' },
          ],
        },
      ],
    };
    const { groups } = parseRules(data);
    expect(groups[0]?.rules.map((r) => [r.type, r.name, r.durationSeconds, r.health, r.lastError])).toEqual([
      ['alerting', 'A', 60, 'ok', undefined],
      ['recording', 'r:x', 0, 'err', 'boom'],
    ]);
  });

  it('reads the build info', () => {
    expect(parseBuildInfo({ version: '2.42.0', revision: 'abc', goVersion: 'go1.19' })).toEqual({
      version: '2.42.0',
      revision: 'abc',
      goVersion: 'go1.19',
    });
  });
});

describe('query results', () => {
  it('reads special float values', () => {
    expect(parseSampleValue('NaN', [])).toBeNaN();
    expect(parseSampleValue('+Inf', [])).toBe(Number.POSITIVE_INFINITY);
    expect(parseSampleValue('-Inf', [])).toBe(Number.NEGATIVE_INFINITY);
    expect(parseSampleValue('2.5005084745762713e+02', [])).toBeCloseTo(250.05, 2);
    expect(() => parseSampleValue('fast', ['v'])).toThrow('v: expected a sample value, got "fast"');
    expect(() => parseSampleValue(1, ['v'])).toThrow('expected a string');
  });

  it('reads a vector with labels and number values', () => {
    const data = {
      resultType: 'vector',
      result: [
        { metric: { server: 'web1' }, value: [1714557600.5, '250'] },
        { metric: { server: 'web2' }, value: [1714557600.5, '+Inf'] },
      ],
    };
    expect(parseQueryResult(data)).toEqual({
      resultType: 'vector',
      warnings: [],
      samples: [
        { metric: { server: 'web1' }, timestamp: 1714557600.5, value: 250 },
        { metric: { server: 'web2' }, timestamp: 1714557600.5, value: Number.POSITIVE_INFINITY },
      ],
    });
  });

  it('reads a matrix, a scalar and a string', () => {
    const matrix = parseQueryResult({
      resultType: 'matrix',
      result: [
        {
          metric: {},
          values: [
            [1, '1'],
            [2, 'NaN'],
          ],
        },
      ],
    });
    expect(matrix.resultType === 'matrix' && matrix.series[0]?.points.map((p) => p.value)).toEqual([
      1,
      Number.NaN,
    ]);
    expect(parseQueryResult({ resultType: 'scalar', result: [5, '3'] })).toMatchObject({
      point: { timestamp: 5, value: 3 },
    });
    expect(parseQueryResult({ resultType: 'string', result: [5, 'hi'] })).toMatchObject({ text: 'hi' });
  });

  it('rejects a result of the wrong shape with the path at fault', () => {
    expect(() => parseQueryResult({ resultType: 'vector', result: [{ metric: {}, value: [1] }] })).toThrow(
      'data.result[0].value: expected [time, value], got 1 items',
    );
    expect(() => parseQueryResult({ resultType: 'table', result: [] })).toThrow('data.resultType');
  });
});
