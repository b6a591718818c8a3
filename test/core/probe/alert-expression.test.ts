import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { splitAlertExpression } from '../../../src/core/probe/alert-expression.js';

function parses(query: string): boolean {
  let ok = true;
  parser.parse(query).iterate({
    enter: (node) => {
      if (node.type.isError) ok = false;
    },
  });
  return ok;
}

describe('splitAlertExpression', () => {
  it('splits the seed rule into its value expression and > 100 as crit', () => {
    const split = splitAlertExpression(
      'sum by (server) (rate(haproxy_server_connection_errors_total[1m])) > 100',
    );
    expect(split).toEqual({
      query: 'sum by (server) (rate(haproxy_server_connection_errors_total[1m]))',
      judgement: { kind: 'thresholds', warn: undefined, crit: { op: '>', value: 100 } },
      note: undefined,
    });
  });

  it.each([
    ['up == 0', 'up', '==', 0],
    ['(x{a=">5"} >= 0.5)', 'x{a=">5"}', '>=', 0.5],
    ['100 < sum(x)', 'sum(x)', '>', 100],
    ['0.9 >= avg(y)', 'avg(y)', '<=', 0.9],
    ['x > -5', 'x', '>', -5],
    ['x > - (5)', 'x', '>', -5],
    ['x != 0x10', 'x', '!=', 16],
    ['x > (1e3)', 'x', '>', 1000],
    ['x > 0.05 * 100', 'x', '>', 5],
    ['x < Inf', 'x', '<', Infinity],
    [
      '(\n  rate(a[5m]) / rate(b[5m])\n) * 100 > 5 # five percent',
      '(\n  rate(a[5m]) / rate(b[5m])\n) * 100',
      '>',
      5,
    ],
    ['x > on(job) group_left 5', 'x', '>', 5],
  ])('%j → %j %s %s', (expr, query, op, value) => {
    const split = splitAlertExpression(expr);
    expect(split?.query).toBe(query);
    expect(split?.judgement).toEqual({ kind: 'thresholds', warn: undefined, crit: { op, value } });
    expect(parses(split?.query ?? '')).toBe(true);
  });

  it('splits a comparison on the left of and/unless and keeps the filter', () => {
    const split = splitAlertExpression('rate(errors[5m]) > 10 and on(job) up == 1');
    expect(split?.query).toBe('(rate(errors[5m])) and on(job) up == 1');
    expect(split?.judgement).toEqual({ kind: 'thresholds', warn: undefined, crit: { op: '>', value: 10 } });
    expect(parses(split?.query ?? '')).toBe(true);
    expect(splitAlertExpression('x > 1 unless y')?.query).toBe('(x) unless y');
  });

  it.each([
    ['x > y', 'the threshold is not a constant'],
    ['x > bool 5', '`bool`'],
    ['x > 1 or y > 2', 'no top-level comparison'],
    ['absent(up{job="haproxy"})', 'no top-level comparison'],
    ['x > 1m', 'the threshold is not a constant'],
    ['(x > y) and z', 'no top-level comparison'],
  ])('runs %j whole as a condition', (expr, note) => {
    const split = splitAlertExpression(expr);
    expect(split?.query).toBe(expr);
    expect(split?.judgement).toEqual({ kind: 'condition' });
    expect(split?.note).toContain(note);
  });

  it('does not split inside a nested comparison', () => {
    // The comparison filters series inside the sum; the sum is the value.
    const split = splitAlertExpression('sum(x > 5)');
    expect(split?.judgement).toEqual({ kind: 'condition' });
  });

  it('returns undefined for an expression that does not parse', () => {
    expect(splitAlertExpression('sum(x')).toBeUndefined();
    expect(splitAlertExpression('')).toBeUndefined();
  });
});
