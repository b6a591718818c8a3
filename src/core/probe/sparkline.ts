import type { SamplePoint } from '../alerts/prometheus-query.js';
import type { RangeWindow } from './range-window.js';
import { windowTimes } from './range-window.js';
import { largest, smallest } from '../bounded.js';

const blocks = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** Options for {@link sparkline}. */
export interface SparklineOptions {
  /** Columns to draw; more points than this are bucketed (each column shows its bucket's maximum). */
  readonly width?: number;
  /**
   * Scale from zero rather than from the series' minimum (default true). Most probes are rates and
   * counts, where "250 → 0" should look like a fall to the floor, and a flat 250 ± 1 should look flat,
   * not like a storm. Set false for values far from zero, such as temperatures.
   */
  readonly zeroBased?: boolean;
}

/**
 * Draws values as one line of block characters ▁…█. `null` (no sample at that time) and NaN are drawn
 * as a space; +Inf as a full block and -Inf as the lowest. A constant series is drawn flat. When a
 * column covers several points it shows their maximum, so a short spike is never averaged away.
 */
export function sparkline(values: readonly (number | null)[], options: SparklineOptions = {}): string {
  const columns = bucket(values, options.width);
  const finite = columns.filter((value): value is number => value !== null && Number.isFinite(value));
  const zeroBased = options.zeroBased ?? true;
  let low = smallest(finite);
  let high = largest(finite);
  if (zeroBased) {
    low = Math.min(low, 0);
    high = Math.max(high, 0);
  }
  const span = high - low;
  return columns
    .map((value) => {
      if (value === null || Number.isNaN(value)) return ' ';
      if (value === Infinity) return blocks[blocks.length - 1];
      if (value === -Infinity) return blocks[0];
      // A constant series has no span: draw it at the floor (zero-based constants above zero sit at the top).
      if (span === 0) return blocks[0];
      const level = Math.round(((value - low) / span) * (blocks.length - 1));
      return blocks[Math.min(blocks.length - 1, Math.max(0, level))];
    })
    .join('');
}

function bucket(values: readonly (number | null)[], width: number | undefined): (number | null)[] {
  if (width === undefined || width <= 0 || values.length <= width) return [...values];
  const columns: (number | null)[] = [];
  for (let column = 0; column < width; column += 1) {
    const from = Math.floor((column * values.length) / width);
    const to = Math.floor(((column + 1) * values.length) / width);
    columns.push(maxOf(values.slice(from, to)));
  }
  return columns;
}

function maxOf(values: readonly (number | null)[]): number | null {
  let result: number | null = null;
  for (const value of values) {
    if (value === null) continue;
    if (result === null || Number.isNaN(result) || value > result) result = value;
  }
  return result;
}

/**
 * Places a series' points on its window's time grid: one entry per step, `null` where Prometheus
 * returned no sample (the series did not exist then, or was stale), so gaps show as gaps.
 */
export function alignToWindow(points: readonly SamplePoint[], window: RangeWindow): (number | null)[] {
  const byTime = new Map<number, number>();
  for (const point of points)
    byTime.set(Math.round((point.timestamp - window.start) / window.step), point.value);
  return windowTimes(window).map((_time, index) => byTime.get(index) ?? null);
}
