// A line chart in braille characters, for a probe's range drawn larger than its sparkline. Each
// character cell holds 2×4 dots, so a chart of W columns and H rows has 2W points across and 4H
// levels up. Pure: the caller gives the values, the size, the horizontal marks (thresholds) and how
// to write a value; it gets back lines of text.
//
// Honest drawing: a column that covers several samples spans their minimum to their maximum, so a
// short spike or dip is never averaged away; a missing sample (null) or NaN leaves a gap and the
// line is not joined across it; +Inf and -Inf are drawn at the top and bottom edge and do not stretch
// the scale. Every array is walked with loops (see bounded.ts): a range can hold 11,000 points.
import { largest, smallest } from './bounded.js';

/** What to draw and how large. */
export interface LineChartOptions {
  /** Columns in all, the y-axis labels included. */
  readonly width: number;
  /** Rows of the plot (the time axis line is one more). */
  readonly height: number;
  /** Values to draw as a horizontal line across the plot (e.g. a threshold); the scale includes them. */
  readonly marks?: readonly number[];
  /** Writes a value for the y-axis labels (the project's value formatter, with the probe's unit). */
  readonly formatValue: (value: number) => string;
  /** Under the plot's left and right ends, e.g. `-30 min` and `when it ran`. */
  readonly timeLabels?: { readonly start: string; readonly end: string };
}

/** A drawn chart. Cells without a dot are spaces (or the mark's line). */
export interface LineChart {
  /** The plot's rows, top first, then the time axis line. Empty when there is nothing to draw. */
  readonly lines: readonly string[];
  /** Which of `lines` each mark was drawn on, in the order of `marks`. */
  readonly markRows: readonly number[];
}

// The braille bit for the dot at (column 0..1, row 0..3 from the top) of a cell.
const dotBits = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
] as const;
const markCharacter = '┄';

/** Draws `values` (oldest first, `null` where there is no sample) as a braille line chart. */
export function lineChart(values: readonly (number | null)[], options: LineChartOptions): LineChart {
  const height = Math.max(1, Math.floor(options.height));
  const marks = (options.marks ?? []).filter(Number.isFinite);
  const finite: number[] = [];
  for (const value of values) if (value !== null && Number.isFinite(value)) finite.push(value);
  if (finite.length === 0) return { lines: [], markRows: [] };
  const low = Math.min(smallest(finite), smallest(marks));
  const high = Math.max(largest(finite), largest(marks));
  const levels = height * 4;
  // A flat chart (one value, or a constant series) is drawn across the middle.
  const level = (value: number): number => {
    if (value === Infinity) return levels - 1;
    if (value === -Infinity) return 0;
    if (high === low) return Math.floor((levels - 1) / 2);
    return Math.round(((value - low) / (high - low)) * (levels - 1));
  };
  const rowOf = (value: number) => height - 1 - Math.floor(level(value) / 4);

  const labels = new Map<number, string>();
  for (const mark of marks) labels.set(rowOf(mark), options.formatValue(mark));
  if (high === low) labels.set(rowOf(low), options.formatValue(low));
  else {
    labels.set(0, options.formatValue(high));
    labels.set(height - 1, options.formatValue(low));
  }
  const labelWidth = largest(
    [...labels.values()].map((label) => label.length),
    0,
  );
  const plotWidth = Math.max(4, Math.floor(options.width) - labelWidth - 2);
  const cells = plot(values, plotWidth, height, level);

  const markRows = marks.map(rowOf);
  const lines: string[] = [];
  for (let row = 0; row < height; row += 1) {
    const label = labels.get(row);
    let text = '';
    for (let column = 0; column < plotWidth; column += 1) {
      const bits = cells[row * plotWidth + column] ?? 0;
      if (bits !== 0) text += String.fromCharCode(0x2800 + bits);
      else text += markRows.includes(row) ? markCharacter : ' ';
    }
    lines.push(`${(label ?? '').padStart(labelWidth)} ${label === undefined ? '│' : '┤'}${text}`);
  }
  const { start, end } = options.timeLabels ?? { start: '', end: '' };
  const gap = Math.max(1, plotWidth - start.length - end.length);
  lines.push(`${' '.repeat(labelWidth)} └${start}${' '.repeat(gap)}${end}`.trimEnd());
  return { lines, markRows };
}

/** The dots of each cell (row by row), as braille bits. */
function plot(
  values: readonly (number | null)[],
  width: number,
  height: number,
  level: (value: number) => number,
): Uint8Array {
  const cells = new Uint8Array(width * height);
  const dotColumns = width * 2;
  const count = values.length;
  let previous: { low: number; high: number } | undefined;
  for (let column = 0; column < dotColumns; column += 1) {
    // The samples this dot column covers: at least one, so few samples stretch across the width.
    const from = Math.min(count - 1, Math.floor((column * count) / dotColumns));
    const to = Math.max(from + 1, Math.floor(((column + 1) * count) / dotColumns));
    let low: number | undefined;
    let high: number | undefined;
    for (let index = from; index < to; index += 1) {
      const value = values[index];
      if (value === null || value === undefined || Number.isNaN(value)) continue;
      const at = level(value);
      low = low === undefined ? at : Math.min(low, at);
      high = high === undefined ? at : Math.max(high, at);
    }
    if (low === undefined || high === undefined) {
      previous = undefined; // a gap: the line is not joined across it
      continue;
    }
    const span = { low, high };
    // Join to the previous column with a vertical stroke, so a step up or down reads as one line.
    if (previous && low > previous.high) low = previous.high + 1;
    if (previous && high < previous.low) high = previous.low - 1;
    for (let at = low; at <= high; at += 1) {
      const dotRow = height * 4 - 1 - at;
      const row = Math.floor(dotRow / 4);
      const cell = row * width + Math.floor(column / 2);
      cells[cell] = (cells[cell] ?? 0) | (dotBits[column % 2 === 0 ? 0 : 1][dotRow % 4] ?? 0);
    }
    previous = span;
  }
  return cells;
}
