import { describe, expect, it } from 'vitest';
import { describeKept, keptLabels, mayKeep } from '../../../src/core/promql/kept-labels.js';

function keeps(expr: string, label: string): boolean {
  const kept = keptLabels(expr);
  if (!kept) throw new Error(`does not parse: ${expr}`);
  return mayKeep(kept, label);
}

describe('keptLabels', () => {
  it('sum by keeps only its grouping labels (the seed rule: instance is gone)', () => {
    const expr = 'sum by (server) (rate(haproxy_server_connection_errors_total[1m])) > 100';
    expect(keeps(expr, 'server')).toBe(true);
    expect(keeps(expr, 'instance')).toBe(false);
    expect(describeKept(keptLabels(expr) ?? { kind: 'none' })).toBe('only server');
  });

  it('by after the body, without, and no grouping at all', () => {
    expect(keeps('sum(x) by (a, b)', 'b')).toBe(true);
    expect(keeps('sum without (instance) (x)', 'job')).toBe(true);
    expect(keeps('sum without (instance) (x)', 'instance')).toBe(false);
    expect(keeps('count(x)', 'job')).toBe(false);
  });

  it('selectors and functions keep their input labels', () => {
    expect(keeps('rate(x{job="a"}[5m])', 'instance')).toBe(true);
    expect(keeps('rate(x[5m])', '__name__')).toBe(false);
    expect(keeps('quantile_over_time(0.9, x[5m])', 'pod')).toBe(true);
    expect(keeps('histogram_quantile(0.9, sum by (le, svc) (rate(b[5m])))', 'le')).toBe(false);
    expect(keeps('histogram_quantile(0.9, sum by (le, svc) (rate(b[5m])))', 'svc')).toBe(true);
  });

  it('topk keeps labels; count_values and label_replace add one', () => {
    expect(keeps('topk(3, sum by (a) (x))', 'a')).toBe(true);
    expect(keeps('count_values("version", build_info)', 'version')).toBe(true);
    expect(keeps('label_replace(sum by (a) (x), "host", "$1", "a", "(.*)")', 'host')).toBe(true);
    expect(keeps('label_replace(sum by (a) (x), "host", "$1", "a", "(.*)")', 'b')).toBe(false);
  });

  it('binary operators follow vector matching', () => {
    expect(keeps('sum by (a, b) (x) / sum by (a, b) (y) * 100 > 5', 'b')).toBe(true);
    expect(keeps('x / on (a) y', 'b')).toBe(false);
    expect(keeps('x / ignoring (b) y', 'b')).toBe(false);
    expect(keeps('x / ignoring (b) y', 'c')).toBe(true);
    expect(keeps('sum by (a) (x) * on (a) group_left (owner) y', 'owner')).toBe(true);
    expect(keeps('sum by (a) (x) and on (a) y', 'c')).toBe(false);
    expect(keeps('sum by (a) (x) or sum by (b) (y)', 'b')).toBe(true);
  });

  it('absent keeps the equality matchers of its selector; numbers keep nothing', () => {
    expect(keeps('absent(up{job="api", instance=~"x.*"})', 'job')).toBe(true);
    expect(keeps('absent(up{job="api", instance=~"x.*"})', 'instance')).toBe(false);
    expect(keeps('vector(1)', 'job')).toBe(false);
    expect(keeps('time() > 5', 'job')).toBe(false);
  });

  it('is undefined for an expression that does not parse, and survives deep nesting', () => {
    expect(keptLabels('sum(')).toBeUndefined();
    const deep = `${'('.repeat(5000)}x${')'.repeat(5000)}`;
    expect(() => keptLabels(deep)).not.toThrow();
  });
});
