// Detection lag: how long the alert took to notice the problem. From the alert expression's range
// data we find when it crossed its threshold (and when it started climbing towards it), and set
// that against when the alert fired and when the engineer opened the incident.
//
// The range is sampled every `step` seconds, so a crossing is only known to lie between the last
// sample not past the threshold and the first one past it. When the alert fired inside that gap
// (the rule is evaluated more often than the range is sampled), the first sample past the threshold
// comes after the alert's start: that episode is still the one that fired it. The lag is given as
// a bound whenever the samples are too far apart to give one number.
import type { LabelSet } from '../alerts/alert.js';
import type { Threshold } from '../probe/probe-spec.js';
import { crosses } from '../probe/threshold.js';
import type { RangePoint, RangeSeriesRecord } from '../timeline/events.js';
import type { Incident } from '../timeline/incident.js';

/** When a series crossed its threshold, in unix seconds. */
export interface Crossing {
  /** The first sample past the threshold in the episode that led to the alert. */
  readonly crossedAt: number;
  /**
   * The last sample before it that was not past the threshold: the crossing happened after it.
   * Undefined when the range's first sample was already past it (it crossed earlier).
   */
  readonly notYetAt: number | undefined;
  /**
   * The first sample that moved towards the threshold in the steady climb (or fall, for `<`)
   * that ended in the crossing; undefined when it jumped past in one sample.
   */
  readonly risingAt: number | undefined;
}

/** Where to look for the crossing that fired an alert. */
export interface CrossingContext {
  /** When the alert started firing (unix seconds). */
  readonly firingAt?: number;
  /** The range's sampling step in seconds: a crossing is seen up to one step late. */
  readonly stepSeconds?: number;
}

/**
 * The crossing episode in `points` that fired the alert: the one containing the alert's start, or
 * else the one ending nearest before it. An episode whose first sample past the threshold comes
 * less than one step after the start still contains it (the crossing fell between two samples);
 * one followed by a sample not past the threshold before the alert's start cannot have fired it
 * (the condition no longer held), so an older episode is never taken for the current one.
 * Without `firingAt`, the first episode. Undefined when no sample crosses, or when no episode in
 * the range can have fired the alert (then the range does not show its crossing). Pure; points
 * need not be sorted.
 */
export function findCrossing(
  points: readonly RangePoint[],
  threshold: Threshold,
  context: CrossingContext = {},
): Crossing | undefined {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  const past = sorted.map((point) => crosses(point[1], threshold));
  const starts = sorted.flatMap((_, i) => (past[i] === true && past[i - 1] !== true ? [i] : []));
  const { firingAt, stepSeconds = 0 } = context;
  const candidates =
    firingAt === undefined
      ? starts.slice(0, 1)
      : starts.filter((i) => i === 0 || time(sorted, i) < firingAt + stepSeconds);
  const start = candidates.at(-1);
  if (start === undefined) return undefined;
  const after = past.indexOf(false, start);
  if (firingAt !== undefined && after !== -1 && time(sorted, after) < firingAt) return undefined;
  // Walk back while each sample is further towards the threshold than the one before it.
  const direction = threshold.op.startsWith('>') ? 1 : threshold.op.startsWith('<') ? -1 : 0;
  let base = start;
  while (base > 0 && direction * (value(sorted, base) - value(sorted, base - 1)) > 0) base -= 1;
  return {
    crossedAt: time(sorted, start),
    notYetAt: start === 0 ? undefined : time(sorted, start - 1),
    risingAt: base + 1 < start ? time(sorted, base + 1) : undefined,
  };
}

function time(points: readonly RangePoint[], i: number): number {
  return points[i]?.[0] ?? NaN;
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

/** A time known to lie in (`after`, `atLatest`]; `after` undefined: at or before `atLatest`. */
export interface TimeBound {
  readonly after: string | undefined;
  readonly atLatest: string;
}

/** A length of time known to lie in [`min`, `max`] milliseconds; `max` undefined: at least `min`. */
export interface LagBound {
  readonly min: number;
  readonly max: number | undefined;
}

/** Detection timing for one series of the alert expression (all times ISO). */
export interface DetectionRow {
  readonly labels: LabelSet;
  readonly risingAt: string | undefined;
  /** When the series crossed the threshold; undefined when it did not before the alert fired. */
  readonly crossed: TimeBound | undefined;
  /** startsAt of the incident's alert whose labels contain the series' labels. */
  readonly firingAt: string | undefined;
  readonly openedAt: string;
  /** Crossed → firing; undefined when either is unknown. */
  readonly crossedToFiring: LagBound | undefined;
  /** Started rising → firing (to within one step); undefined when either is unknown. */
  readonly risingToFiring: LagBound | undefined;
  /** The series' last sample: a range that ends before the alert fired cannot show its crossing. */
  readonly lastSampleAt: string | undefined;
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
    const firingSeconds = firingAt === undefined ? undefined : Date.parse(firingAt) / 1000;
    const crossing = findCrossing(series.points, input.threshold, {
      ...(firingSeconds === undefined ? {} : { firingAt: firingSeconds }),
      stepSeconds: input.stepSeconds,
    });
    // The alert cannot fire before the expression crossed, so the crossing was no later than it.
    const atLatest =
      crossing === undefined
        ? undefined
        : firingSeconds === undefined
          ? crossing.crossedAt
          : Math.min(crossing.crossedAt, firingSeconds);
    const crossed =
      crossing === undefined || atLatest === undefined
        ? undefined
        : { after: toIso(crossing.notYetAt), atLatest: toIso(atLatest) ?? '' };
    return {
      labels: series.labels,
      risingAt: toIso(crossing?.risingAt),
      crossed,
      firingAt,
      openedAt: incident.openedAt,
      crossedToFiring:
        crossing === undefined || atLatest === undefined || firingSeconds === undefined
          ? undefined
          : lagBound(firingSeconds, crossing.notYetAt, atLatest),
      risingToFiring:
        crossing?.risingAt === undefined || firingSeconds === undefined
          ? undefined
          : lagBound(firingSeconds, crossing.risingAt - input.stepSeconds, crossing.risingAt),
      lastSampleAt: toIso(lastTime(series.points)),
    };
  });
}

/** Firing minus an event that happened in (`after`, `atLatest`], in ms, never negative. */
function lagBound(firing: number, after: number | undefined, atLatest: number): LagBound {
  const min = Math.max(0, firing - atLatest) * 1000;
  return { min, max: after === undefined ? undefined : Math.max(min, (firing - after) * 1000) };
}

function lastTime(points: readonly RangePoint[]): number | undefined {
  return points.reduce<number | undefined>(
    (last, [t]) => (last === undefined || t > last ? t : last),
    undefined,
  );
}

function labelsContain(outer: LabelSet, inner: LabelSet): boolean {
  return Object.entries(inner).every(([name, v]) => name === '__name__' || outer[name] === v);
}

function toIso(unixSeconds: number | undefined): string | undefined {
  return unixSeconds === undefined ? undefined : new Date(unixSeconds * 1000).toISOString();
}
