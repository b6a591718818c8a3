import { describe, expect, it } from 'vitest';
import { alignToWindow, sparkline } from '../../../src/core/probe/sparkline.js';

describe('sparkline', () => {
  it('draws the lowest value low and the highest full', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([7, 0])).toBe('█▁');
  });

  it('shows gaps and NaN as spaces and infinities at the ends', () => {
    expect(sparkline([0, null, 7, NaN, Infinity, -Infinity])).toBe('▁ █ █▁');
  });

  it('draws a constant series flat', () => {
    expect(sparkline([5, 5, 5])).toBe('███');
    expect(sparkline([0, 0, 0])).toBe('▁▁▁');
    expect(sparkline([5, 5, 5], { zeroBased: false })).toBe('▁▁▁');
  });

  it('scales between min and max when not zero-based', () => {
    expect(sparkline([40, 140], { zeroBased: false })).toBe('▁█');
    expect(sparkline([40, 140])).toBe('▃█');
  });

  it('keeps a short spike when squeezing many points into few columns', () => {
    const values = Array.from({ length: 60 }, (_, index) => (index === 31 ? 100 : 1));
    const line = sparkline(values, { width: 10 });
    expect(line).toHaveLength(10);
    expect([...line].filter((block) => block === '█')).toHaveLength(1);
  });

  it('draws nothing but spaces when there is nothing to draw', () => {
    expect(sparkline([null, NaN])).toBe('  ');
    expect(sparkline([])).toBe('');
  });
});

describe('alignToWindow', () => {
  it('puts each point at its step and leaves missing steps as gaps', () => {
    const window = { start: 100, end: 160, step: 15 };
    const points = [
      { timestamp: 100, value: 1 },
      { timestamp: 130, value: 3 },
      { timestamp: 160, value: NaN },
    ];
    expect(alignToWindow(points, window)).toEqual([1, null, 3, null, NaN]);
  });
});
