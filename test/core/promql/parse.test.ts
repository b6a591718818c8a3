import { describe, expect, it } from 'vitest';
import { checkStringLiteral, findSyntaxError, lineColumn } from '../../../src/core/promql/parse.js';

describe('findSyntaxError', () => {
  it('accepts valid PromQL', () => {
    for (const query of [
      'up',
      'sum by (server) (rate(haproxy_server_connection_errors_total{proxy="app"}[1m])) > 100',
      'histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))',
      'a / on(x) group_left(y) b',
      "x{a='b', c=`d\\e`} offset 5m",
    ]) {
      expect(findSyntaxError(query), query).toBeUndefined();
    }
  });

  it('locates the first error by line and column', () => {
    expect(findSyntaxError('sum(rate(x[5m])) +')).toMatchObject({ line: 1, column: 19 });
    expect(findSyntaxError('sum(\n  rate(x[5m]) +\n  )')).toMatchObject({ line: 3, column: 3 });
  });

  it('reports an empty query', () => {
    expect(findSyntaxError('  ')?.message).toBe('the query is empty');
  });

  it("applies Prometheus's escape rules, which the grammar alone does not", () => {
    expect(findSyntaxError('up{a="\\q"}')).toMatchObject({
      column: 7,
      message: 'unknown escape sequence `\\q`',
    });
    expect(findSyntaxError(`up{a='\\"'}`)?.message).toContain('unknown escape');
    expect(findSyntaxError('up{a="\\ud800"}')?.message).toContain('unknown escape');
    expect(findSyntaxError('up{a="\\u00e9\\x41\\101\\""}')).toBeUndefined();
  });
});

describe('checkStringLiteral', () => {
  it('finds unterminated strings and raw newlines', () => {
    expect(checkStringLiteral('"abc')?.message).toBe('unterminated string');
    expect(checkStringLiteral('"ab\\"')?.message).toBe('unterminated string');
    expect(checkStringLiteral('"a\nb"')?.message).toContain('newline');
    expect(checkStringLiteral('`a\nb`')).toBeUndefined();
  });
});

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
