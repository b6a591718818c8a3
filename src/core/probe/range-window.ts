// A sparkline needs about 60 points: fewer looks blocky, more is detail nobody sees in one row and
// costs Prometheus work. Steps are rounded to durations people recognise (and that line up with
// scrape and rule intervals), and the window's end is aligned to the step so consecutive runs reuse
// the same sample times and the line does not jitter between refreshes.

/** Prometheus refuses a range query with more than this many points per series. */
export const maxRangePoints = 11_000;

/** How many points a probe's range aims for by default. */
export const defaultTargetPoints = 60;

const niceSteps = [
  1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1_200, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400,
];

/** The time span of a range query, in unix seconds, as `/api/v1/query_range` takes it. */
export interface RangeWindow {
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

/**
 * The step (seconds) for a range of `rangeSeconds` so it has about `targetPoints` points: the nice
 * step nearest to range/target (compared on a log scale, so 25 s is nearer 30 than 20), never under
 * 1 s, and never so small that the range exceeds Prometheus's 11,000-point limit. Beyond a day the
 * step is a whole number of days.
 */
export function chooseStep(rangeSeconds: number, targetPoints = defaultTargetPoints): number {
  const range = Math.max(1, rangeSeconds);
  const ideal = range / Math.max(1, targetPoints);
  let best = niceSteps[0] ?? 1;
  for (const candidate of niceSteps) {
    if (Math.abs(Math.log(candidate / ideal)) < Math.abs(Math.log(best / ideal))) best = candidate;
  }
  const largest = niceSteps.at(-1) ?? 86_400;
  if (ideal > largest) best = Math.round(ideal / largest) * largest;
  // The limit counts both ends: points = range/step + 1.
  const minimum = Math.ceil(range / (maxRangePoints - 1));
  return Math.max(best, minimum, 1);
}

/**
 * The range window ending at (or just before) `nowSeconds`: end aligned down to a multiple of the step,
 * start `rangeSeconds` earlier.
 */
export function rangeWindow(
  nowSeconds: number,
  rangeSeconds: number,
  targetPoints = defaultTargetPoints,
): RangeWindow {
  const step = chooseStep(rangeSeconds, targetPoints);
  const end = Math.floor(nowSeconds / step) * step;
  return { start: end - Math.max(step, Math.round(rangeSeconds)), end, step };
}

/** The sample times of a window: start, start+step, …, end. */
export function windowTimes(window: RangeWindow): number[] {
  const times: number[] = [];
  const count = Math.floor((window.end - window.start) / window.step) + 1;
  for (let index = 0; index < count && index <= maxRangePoints; index += 1) {
    times.push(window.start + index * window.step);
  }
  return times;
}
