import { describe, expect, it } from 'vitest';
import { appendAll, largest, smallest } from '../../src/core/bounded.js';

describe('bounded array helpers', () => {
  const many = Array.from({ length: 300_000 }, (_, i) => (i % 2 === 0 ? i : -i));

  it('find the largest and smallest of more values than a spread can pass', () => {
    expect(() => Math.max(...many)).toThrow(RangeError); // the defect these replace
    expect(largest(many)).toBe(299_998);
    expect(largest([], 3)).toBe(3);
    expect(largest([1, 9, 4], 5)).toBe(9);
    expect(smallest(many)).toBe(-299_999);
    expect(smallest([], 2)).toBe(2);
  });

  it('appends more items than a spread can pass', () => {
    const target = [1];
    expect(() => [].push(...(many as never[]))).toThrow(RangeError);
    expect(appendAll(target, many)).toBe(target);
    expect(target).toHaveLength(300_001);
    expect(target[300_000]).toBe(many[299_999]);
  });
});
