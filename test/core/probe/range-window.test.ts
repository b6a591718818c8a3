import { describe, expect, it } from 'vitest';
import {
  chooseStep,
  maxRangePoints,
  rangeWindow,
  windowTimes,
} from '../../../src/core/probe/range-window.js';

describe('chooseStep', () => {
  it.each([
    [30 * 60, 30],
    [60 * 60, 60],
    [5 * 60, 5],
    [15 * 60, 15],
    [2 * 60 * 60, 120],
    [6 * 60 * 60, 300],
    [24 * 60 * 60, 1_200],
    [10, 1],
    [365 * 86_400, 6 * 86_400],
  ])('range %i s → step %i s', (range, step) => {
    expect(chooseStep(range)).toBe(step);
  });

  it('gives about 60 points for any range from a minute to a month', () => {
    for (let range = 60; range <= 30 * 86_400; range = Math.round(range * 1.37)) {
      const points = range / chooseStep(range) + 1;
      expect(points).toBeGreaterThan(30);
      expect(points).toBeLessThan(130);
    }
  });

  it('never asks for more points than Prometheus allows', () => {
    const range = 30 * 86_400;
    const step = chooseStep(range, 1_000_000);
    expect(range / step + 1).toBeLessThanOrEqual(maxRangePoints);
    expect(Number.isInteger(step)).toBe(true);
  });
});

describe('rangeWindow', () => {
  it('ends on a multiple of the step at or before now and spans the range', () => {
    const window = rangeWindow(1_000_017.4, 1800);
    expect(window).toEqual({ start: 1_000_020 - 30 - 1800, end: 1_000_020 - 30, step: 30 });
    expect(windowTimes(window)).toHaveLength(61);
    expect(windowTimes(window).at(-1)).toBe(window.end);
  });
});
