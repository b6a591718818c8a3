import { describe, expect, it } from 'vitest';
import { crosses, formatThreshold, parseThreshold } from '../../../src/core/probe/threshold.js';

describe('parseThreshold', () => {
  it.each([
    ['> 100', { op: '>', value: 100 }],
    ['>=0.5', { op: '>=', value: 0.5 }],
    ['  < -3e2 ', { op: '<', value: -300 }],
    ['== 0', { op: '==', value: 0 }],
    ['!= 1', { op: '!=', value: 1 }],
    ['<= .25', { op: '<=', value: 0.25 }],
    ['42', { op: '>', value: 42 }],
    ['> +Inf', { op: '>', value: Infinity }],
  ])('%s', (text, expected) => {
    expect(parseThreshold(text)).toEqual(expected);
  });

  it.each(['', '>', '> abc', '=> 1', '> 1 2', '100%'])('rejects %j', (text) => {
    expect(parseThreshold(text)).toBeUndefined();
  });
});

describe('crosses', () => {
  it('compares with each operator', () => {
    expect(crosses(101, { op: '>', value: 100 })).toBe(true);
    expect(crosses(100, { op: '>', value: 100 })).toBe(false);
    expect(crosses(100, { op: '>=', value: 100 })).toBe(true);
    expect(crosses(0, { op: '<', value: 1 })).toBe(true);
    expect(crosses(1, { op: '<=', value: 1 })).toBe(true);
    expect(crosses(0, { op: '==', value: 0 })).toBe(true);
    expect(crosses(0, { op: '!=', value: 0 })).toBe(false);
  });

  it('never lets NaN cross, and orders infinities', () => {
    expect(crosses(NaN, { op: '!=', value: 0 })).toBe(false);
    expect(crosses(NaN, { op: '>', value: -Infinity })).toBe(false);
    expect(crosses(Infinity, { op: '>', value: 1e308 })).toBe(true);
    expect(crosses(-Infinity, { op: '<', value: 0 })).toBe(true);
  });
});

describe('formatThreshold', () => {
  it('writes operator and value', () => {
    expect(formatThreshold({ op: '>=', value: 0.5 })).toBe('>= 0.5');
  });
});
