import { describe, expect, it } from 'vitest';
import { lineChart } from '../../src/core/chart.js';

const plain = (value: number) => String(value);
/** The plot's rows without the y-axis labels and the axis character. */
const plotOf = (lines: readonly string[]) => lines.slice(0, -1).map((line) => line.replace(/^.*?[┤│]/, ''));
/** Which rows hold a dot of the line (a braille character other than the blank one). */
const dotted = (row: string) => /[\u2801-\u28ff]/.test(row);

describe('lineChart', () => {
  it('is sized to the width and height asked, labels the top and bottom, and draws the mark', () => {
    const values = Array.from({ length: 61 }, (_, i) => i * 5); // 0 … 300
    const chart = lineChart(values, {
      width: 50,
      height: 6,
      marks: [100],
      formatValue: (v) => `${v} req/s`,
      timeLabels: { start: '-10 min', end: 'when it ran' },
    });
    expect(chart.lines).toHaveLength(7);
    for (const line of chart.lines.slice(0, -1)) expect([...line]).toHaveLength(50);
    expect(chart.lines[0]).toMatch(/^300 req\/s ┤/);
    expect(chart.lines[5]).toMatch(/^ {2}0 req\/s ┤/);
    // 100 of 0…300 is a third of the way up (dot level 8 of 0…23): the fourth row of six, drawn
    // with the mark's line.
    expect(chart.markRows).toEqual([3]);
    expect(chart.lines[3]).toMatch(/^100 req\/s ┤.*┄{10}/);
    expect(chart.lines[6]).toMatch(/^ {10}└-10 min +when it ran$/);
    // A rising line: its lowest dot on the left, its highest on the right.
    const plot = plotOf(chart.lines);
    expect(dotted(plot[5]!.slice(0, 3))).toBe(true);
    expect(dotted(plot[0]!.slice(-3))).toBe(true);
    expect(dotted(plot[0]!.slice(0, 10))).toBe(false);
  });

  it('draws a flat series across the middle, labelled once with its value', () => {
    const chart = lineChart(new Array(30).fill(7), { width: 20, height: 3, formatValue: plain });
    const plot = plotOf(chart.lines);
    expect(plot.map(dotted)).toEqual([false, true, false]);
    expect(chart.lines[1]).toMatch(/^7 ┤/);
    expect(chart.lines[0]).toMatch(/^ {2}│/);
  });

  it('stretches a single point across the width', () => {
    const chart = lineChart([42], { width: 20, height: 2, formatValue: plain });
    const row = plotOf(chart.lines).find(dotted) ?? '';
    expect([...row].every((c) => c !== ' ')).toBe(true);
  });

  it('leaves a gap where samples are missing or NaN, and does not join across it', () => {
    const values = [1, 1, 1, 1, null, null, null, null, NaN, NaN, 1, 1, 1, 1];
    // 17 columns less the label "1 ┤": 14 cells, 28 dot columns, 2 per sample.
    const chart = lineChart(values, { width: 17, height: 2, formatValue: plain });
    const row = plotOf(chart.lines).find(dotted) ?? '';
    expect([...row]).toHaveLength(14);
    // Cells 4-9 cover only missing samples.
    expect(row.slice(4, 10)).toBe('      ');
    expect(row.slice(0, 4)).not.toContain(' ');
    expect(row.slice(10)).not.toContain(' ');
  });

  it('scales negative values, labelling the minimum below zero', () => {
    const chart = lineChart([-40, -10, 20], { width: 20, height: 4, formatValue: plain });
    expect(chart.lines[0]).toMatch(/^ 20 ┤/);
    expect(chart.lines[3]).toMatch(/^-40 ┤/);
  });

  it('includes a mark outside the values in the scale, so the threshold is always on the chart', () => {
    const chart = lineChart([1, 2, 3], { width: 20, height: 4, marks: [10], formatValue: plain });
    expect(chart.markRows).toEqual([0]);
    expect(chart.lines[0]).toMatch(/^10 ┤┄+$/);
  });

  it('draws infinities at the edges without stretching the scale, and nothing when no value is finite', () => {
    const chart = lineChart([1, Infinity, 2], { width: 20, height: 2, formatValue: plain });
    expect(chart.lines[0]).toMatch(/^2 ┤/);
    expect(lineChart([null, NaN, Infinity], { width: 20, height: 2, formatValue: plain }).lines).toEqual([]);
  });

  it('draws 200,000 points, keeping a one-sample spike', () => {
    const values = new Array<number>(200_000).fill(1);
    values[123_457] = 1000;
    const chart = lineChart(values, { width: 40, height: 4, formatValue: plain });
    expect(chart.lines[0]).toMatch(/^1000 ┤/);
    expect(dotted(plotOf(chart.lines)[0]!)).toBe(true);
  });
});
