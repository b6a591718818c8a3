import { describe, expect, it } from 'vitest';
import type { Judgement } from '../../../src/core/probe/verdict.js';
import { judgeSeries, judgeValue, worstVerdict } from '../../../src/core/probe/verdict.js';

const both: Judgement = { kind: 'thresholds', warn: { op: '>', value: 50 }, crit: { op: '>', value: 100 } };
const low: Judgement = { kind: 'thresholds', warn: undefined, crit: { op: '<', value: 1 } };
const none: Judgement = { kind: 'thresholds', warn: undefined, crit: undefined };
const condition: Judgement = { kind: 'condition' };

describe('judgeValue', () => {
  it.each([
    [10, 'ok'],
    [50, 'ok'],
    [50.5, 'warn'],
    [100, 'warn'],
    [250, 'critical'],
    [Infinity, 'critical'],
    [-Infinity, 'ok'],
    [NaN, 'no-data'],
    [undefined, 'no-data'],
  ] as const)('%s against warn > 50, crit > 100 is %s', (value, verdict) => {
    expect(judgeValue(value, both)).toBe(verdict);
  });

  it('checks crit before warn, and works for thresholds that look downwards', () => {
    expect(judgeValue(0, low)).toBe('critical');
    expect(judgeValue(-Infinity, low)).toBe('critical');
    expect(judgeValue(2, low)).toBe('ok');
  });

  it('claims nothing for a probe without thresholds', () => {
    expect(judgeValue(1e9, none)).toBe('unjudged');
    expect(judgeValue(NaN, none)).toBe('unjudged');
  });

  it('treats each series of a whole alert condition as firing', () => {
    expect(judgeValue(1, condition)).toBe('critical');
    expect(judgeValue(undefined, condition)).toBe('ok');
  });
});

describe('judgeSeries', () => {
  it('lets the worst series decide', () => {
    expect(judgeSeries(['ok', 'critical', 'warn'], both)).toBe('critical');
    expect(judgeSeries(['ok', 'warn'], both)).toBe('warn');
    expect(judgeSeries(['ok', 'no-data'], both)).toBe('ok');
    expect(judgeSeries(['no-data', 'no-data'], both)).toBe('no-data');
  });

  it('calls an empty result no-data, except for an alert condition, which then holds for nothing', () => {
    expect(judgeSeries([], both)).toBe('no-data');
    expect(judgeSeries([], none)).toBe('no-data');
    expect(judgeSeries([], condition)).toBe('ok');
  });
});

describe('worstVerdict', () => {
  it('ranks error above everything and no-data below ok', () => {
    expect(worstVerdict(['critical', 'error', 'ok'])).toBe('error');
    expect(worstVerdict(['unjudged', 'no-data'])).toBe('no-data');
    expect(worstVerdict([])).toBe('no-data');
  });
});
