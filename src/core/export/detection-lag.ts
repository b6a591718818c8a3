// Detection lag: how long the alert took to notice the problem. From the alert expression's range
// data we find when it crossed its threshold (and when it started climbing towards it), and set
// that against when the alert fired and when the engineer opened the incident.
import type { LabelSet } from '../alerts/alert.js';
import type { Threshold } from '../probe/probe-spec.js';
import { crosses } from '../probe/threshold.js';
import type { RangePoint, RangeSeriesRecord } from '../timeline/events.js';
import type { Incident } from '../timeline/incident.js';

/** When a series crossed its threshold, in unix seconds. */
export interface Crossing {
  /** The first sample past the threshold (in the episode that led to the alert). */
  readonly crossedAt: number;
  /**
   * The first sample that moved towards the threshold in the steady climb (or fall, for `<`)
   * that ended in the crossing; undefined when it jumped past in one sample.
   */
  readonly risingAt: number | undefined;
  /** True when the very first sample of the range was already past it: it crossed earlier. */
  readonly atRangeStart: boolean;
}

/**
 * The start of the crossing episode in `points`: the last run of samples past `threshold` that
 * began at or before `notAfter` (unix seconds; pass the alert's start), else the first run.
 * Undefined when no sample crosses. Pure; points need not be sorted.
 */
export function firstCrossing(
  points: readonly RangePoint[],
  threshold: Threshold,
  notAfter?: number,
): Crossing | undefined {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  const runStarts = sorted
    .map((point, i) => ({ i, starts: crosses(point[1], threshold) && !crossesAt(sorted, i - 1, threshold) }))
    .filter((entry) => entry.starts)
    .map((entry) => entry.i);
  if (runStarts.length === 0) return undefined;
  const beforeFiring =
    notAfter === undefined ? [] : runStarts.filter((i) => (sorted[i]?.[0] ?? Infinity) <= notAfter);
  const start = beforeFiring.at(-1) ?? runStarts[0] ?? 0;
  // Walk back while each sample is further towards the threshold than the one before it.
  const direction = threshold.op.startsWith('>') ? 1 : threshold.op.startsWith('<') ? -1 : 0;
  let base = start;
  while (base > 0 && direction * (value(sorted, base) - value(sorted, base - 1)) > 0) base -= 1;
  return {
    crossedAt: sorted[start]?.[0] ?? 0,
    risingAt: base + 1 < start ? sorted[base + 1]?.[0] : undefined,
    atRangeStart: start === 0,
  };
}

function crossesAt(points: readonly RangePoint[], i: number, threshold: Threshold): boolean {
  const point = points[i];
  return point !== undefined && crosses(point[1], threshold);
}

function value(points: readonly RangePoint[], i: number): number {
  return points[i]?.[1] ?? NaN;
}

/** The alert expression's range data and the threshold its rule compares it with. */
export interface DetectionInput {
  readonly query: string;
  readonly threshold: Threshold;
  readonly stepSeconds: number;
  readonly series: readonly RangeSeriesRecord[];
}

/** Detection timing for one series of the alert expression (all times ISO). */
export interface DetectionRow {
  readonly labels: LabelSet;
  readonly risingAt: string | undefined;
  readonly crossedAt: string | undefined;
  readonly crossedAtRangeStart: boolean;
  /** startsAt of the incident's alert whose labels contain the series' labels. */
  readonly firingAt: string | undefined;
  readonly openedAt: string;
}

/**
 * The alert expression's range data from the journal: the latest probe recorded with role
 * `alert-rule` that has range data and a threshold (`crit`, else `warn`).
 */
export function detectionInputFromIncident(incident: Incident): DetectionInput | undefined {
  for (const run of [...incident.probeRuns].reverse()) {
    for (const probe of run.probes) {
      const threshold = probe.crit ?? probe.warn;
      if (probe.role === 'alert-rule' && probe.range !== undefined && threshold !== undefined) {
        const { stepSeconds, series } = probe.range;
        return { query: probe.query, threshold, stepSeconds, series };
      }
    }
  }
  return undefined;
}

/** One row per series of the alert expression, in the order of its series. */
export function detectionRows(incident: Incident, input: DetectionInput): DetectionRow[] {
  return input.series.map((series) => {
    const alert = incident.alerts.find((a) => labelsContain(a.labels, series.labels));
    const firingAt = alert?.startsAt;
    const notAfter = firingAt === undefined ? undefined : Date.parse(firingAt) / 1000;
    const crossing = firstCrossing(series.points, input.threshold, notAfter);
    return {
      labels: series.labels,
      risingAt: toIso(crossing?.risingAt),
      crossedAt: toIso(crossing?.crossedAt),
      crossedAtRangeStart: crossing?.atRangeStart ?? false,
      firingAt,
      openedAt: incident.openedAt,
    };
  });
}

function labelsContain(outer: LabelSet, inner: LabelSet): boolean {
  return Object.entries(inner).every(([name, v]) => name === '__name__' || outer[name] === v);
}

function toIso(unixSeconds: number | undefined): string | undefined {
  return unixSeconds === undefined ? undefined : new Date(unixSeconds * 1000).toISOString();
}
