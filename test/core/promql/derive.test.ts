import { describe, expect, it } from 'vitest';
import { deriveExpression } from '../../../src/core/promql/derive.js';
import { findSyntaxError } from '../../../src/core/promql/parse.js';

function narrowed(expr: string, labels: Record<string, string>, ignore: string[] = []): string {
  const derived = deriveExpression(expr, labels, ignore);
  if (!derived) throw new Error(`does not parse: ${expr}`);
  expect(findSyntaxError(derived.narrowed), derived.narrowed).toBeUndefined();
  return derived.narrowed;
}

describe('deriveExpression: narrowing pushes a label only where it reaches the result unchanged', () => {
  it('by, without and a bare aggregation', () => {
    expect(narrowed('sum by (a) (x)', { a: '1', b: '2' })).toBe('sum by (a) (x{a="1"})');
    expect(narrowed('sum(x) by (a)', { a: '1' })).toBe('sum(x{a="1"}) by (a)');
    expect(narrowed('sum without (b) (x)', { a: '1', b: '2' })).toBe('sum without (b) (x{a="1"})');
    expect(narrowed('count(x)', { a: '1' })).toBe('count(x)');
    expect(narrowed('count_values("v", x)', { v: '1', a: '2' })).toBe('count_values("v", x)');
  });

  it('never the rule’s own labels, alertname, or a name Prometheus 2 can not write', () => {
    expect(narrowed('x', { alertname: 'A', severity: 'page', 'a.b': '1', job: 'j' }, ['severity'])).toBe(
      'x{job="j"}',
    );
  });

  it('into existing matchers, empty braces, a trailing comma and a name-only selector', () => {
    expect(narrowed('x{}', { a: '1' })).toBe('x{a="1"}');
    expect(narrowed('x{b="2",}', { a: '1' })).toBe('x{b="2",a="1"}');
    expect(narrowed('{__name__="x"}', { a: '1' })).toBe('{__name__="x", a="1"}');
    // Already matched for equality: not added twice.
    expect(narrowed('x{a="1"}', { a: '1' })).toBe('x{a="1"}');
  });

  it('scalar(), vector(), absent() and label_replace’s target stop it', () => {
    expect(narrowed('x / scalar(sum(y))', { a: '1' })).toBe('x{a="1"} / scalar(sum(y))');
    expect(narrowed('absent(x{job="j"})', { job: 'j', a: '1' })).toBe('absent(x{job="j"})');
    expect(narrowed('label_replace(x, "a", "$1", "b", "(.*)")', { a: '1', b: '2' })).toBe(
      'label_replace(x{b="2"}, "a", "$1", "b", "(.*)")',
    );
  });

  it('set operators: the left side gets every label, the right only those matched on', () => {
    expect(narrowed('x and on (a) y', { a: '1', b: '2' })).toBe('x{a="1", b="2"} and on (a) y{a="1"}');
    expect(narrowed('x unless y', { a: '1' })).toBe('x{a="1"} unless y{a="1"}');
    expect(narrowed('x or on (a) y', { a: '1', b: '2' })).toBe('x{a="1", b="2"} or on (a) y{a="1"}');
  });

  it('shifted adds the offset after every selector and range; none when one is there already', () => {
    const derived = deriveExpression('rate(x[5m]) / y', { a: '1' });
    expect(derived?.shifted('1d')).toBe('rate(x{a="1"}[5m] offset 1d) / y{a="1"} offset 1d');
    expect(deriveExpression('x @ 100', {})?.shifted('1d')).toBeUndefined();
    expect(deriveExpression('x offset 5m', {})?.shifted('1d')).toBeUndefined();
  });

  it('selectors come out once each, narrowed; aggregations only the outermost', () => {
    const derived = deriveExpression('sum by (a) (max by (a, b) (x)) + sum by (a) (x)', { a: '1' });
    expect(derived?.selectors).toEqual([{ metric: 'x', selector: 'x{a="1"}' }]);
    expect(derived?.aggregations.map((a) => [a.aggregation, a.input])).toEqual([
      ['sum by (a)', 'max by (a, b) (x{a="1"})'],
      ['sum by (a)', 'x{a="1"}'],
    ]);
    expect(deriveExpression('sum by (a (x)', {})).toBeUndefined();
  });
});
