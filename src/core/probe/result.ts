import type { LabelSet } from '../alerts/alert.js';
import type { InstantSample, RangeSeries, SamplePoint } from '../alerts/prometheus-query.js';
import { labelKey, seriesMatchesAlert } from './narrow.js';
import type { Probe } from './probe.js';
import type { RangeWindow } from './range-window.js';
import { orderSeries } from './series-order.js';
import type { SeriesVerdict, Verdict } from './verdict.js';
import { judgeSeries, judgeValue } from './verdict.js';

/**
 * Why a probe (or its range) has no result:
 * - `prometheus`: Prometheus answered with an error (`errorType` such as `bad_data`, `timeout`, `execution`);
 * - `timeout`: no answer within the probe's timeout;
 * - `transport`: no usable answer — connection refused, DNS, TLS, HTTP status, a body that is not the API's JSON;
 * - `unrunnable`: never sent, e.g. the query needs a label the alert does not have.
 * `message` is in words, ready to show.
 */
export interface ProbeFailure {
  readonly kind: 'prometheus' | 'timeout' | 'transport' | 'unrunnable';
  readonly message: string;
  /** Prometheus's `errorType`, for kind `prometheus`. */
  readonly errorType: string | undefined;
}

/** One series of a probe: its value now, its recent past, and its verdict. */
export interface SeriesResult {
  readonly labels: LabelSet;
  /** The instant value; undefined when the series is only in the range (it went away). NaN/±Inf kept. */
  readonly value: number | undefined;
  /** The range samples, oldest first (empty when the range failed or the series is new). */
  readonly points: readonly SamplePoint[];
  readonly verdict: SeriesVerdict;
}

/** How long a probe's queries took, in milliseconds, and when it started (ms since the epoch). */
export interface ProbeTimings {
  readonly startedAt: number;
  readonly instantMs: number | undefined;
  readonly rangeMs: number | undefined;
  readonly totalMs: number;
}

/** One probe run: what was asked, what came back, and what it means. */
export interface ProbeResult {
  /**
   * The probe as it ran: for a probe with variants, the chosen variant's. Its `query` is the final
   * query, the exact text sent to Prometheus (what `p` shows in the workspace).
   */
  readonly probe: Probe;
  /** The worst series decides; `error` when the instant query failed or the probe could not run. */
  readonly verdict: Verdict;
  /** The series that concern this alert, those that decide the verdict first (see series-order.ts). */
  readonly series: readonly SeriesResult[];
  /** Series the query returned that belong to other alerts of the rule (narrowed away). */
  readonly otherSeries: number;
  /** Why the instant query failed; the probe's verdict is then `error`. */
  readonly error: ProbeFailure | undefined;
  /** Why the range query failed; the values and verdict still stand, only the sparkline is missing. */
  readonly rangeError: ProbeFailure | undefined;
  /** The instant query's evaluation time, unix seconds. */
  readonly evaluatedAt: number;
  readonly window: RangeWindow;
  readonly timings: ProbeTimings;
}

/** Either what a query returned, or why it did not. */
export type QueryOutcome<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly failure: ProbeFailure };

/** What the runner collected for one probe, to be judged. */
export interface ProbeRawRun {
  /** The instant query's series (a scalar result as one series with no labels). */
  readonly instant: QueryOutcome<readonly InstantSample[]>;
  /** Undefined when the range query was not made (the instant query failed first). */
  readonly range: QueryOutcome<readonly RangeSeries[]> | undefined;
  readonly evaluatedAt: number;
  readonly window: RangeWindow;
  readonly timings: ProbeTimings;
}

/**
 * Judges a probe's raw results: pairs each instant sample with its range series by labels, keeps
 * only the series that concern the alert (for a narrowed probe), judges each and lets the worst decide.
 */
export function buildProbeResult(probe: Probe, raw: ProbeRawRun): ProbeResult {
  const common = { probe, evaluatedAt: raw.evaluatedAt, window: raw.window, timings: raw.timings };
  const rangeError = raw.range && !raw.range.ok ? raw.range.failure : undefined;
  if (!raw.instant.ok) {
    return {
      ...common,
      verdict: 'error',
      series: [],
      otherSeries: 0,
      error: raw.instant.failure,
      rangeError,
    };
  }
  const merged = new Map<
    string,
    { labels: LabelSet; value: number | undefined; points: readonly SamplePoint[] }
  >();
  for (const sample of raw.instant.data) {
    merged.set(labelKey(sample.metric), { labels: sample.metric, value: sample.value, points: [] });
  }
  const rangeSeries = raw.range?.ok ? raw.range.data : [];
  for (const series of rangeSeries) {
    const key = labelKey(series.metric);
    const existing = merged.get(key);
    merged.set(key, { labels: series.metric, value: existing?.value, points: series.points });
  }
  const all = [...merged.values()];
  const narrowTo = probe.narrowTo;
  const mine = narrowTo ? all.filter((entry) => seriesMatchesAlert(entry.labels, narrowTo)) : all;
  const series = orderSeries(
    mine.map((entry) => ({ ...entry, verdict: judgeValue(entry.value, probe.judgement) })),
    probe.judgement,
  );
  return {
    ...common,
    verdict: judgeSeries(
      series.map((entry) => entry.verdict),
      probe.judgement,
    ),
    series,
    otherSeries: all.length - mine.length,
    error: undefined,
    rangeError,
  };
}

/** The result of a probe that was never sent (see Probe.unrunnable). */
export function unrunnableResult(probe: Probe, window: RangeWindow, nowMs: number): ProbeResult {
  return {
    probe,
    verdict: 'error',
    series: [],
    otherSeries: 0,
    error: { kind: 'unrunnable', message: probe.unrunnable ?? 'the probe can not run', errorType: undefined },
    rangeError: undefined,
    evaluatedAt: nowMs / 1000,
    window,
    timings: { startedAt: nowMs, instantMs: undefined, rangeMs: undefined, totalMs: 0 },
  };
}

/** True when the probe ran completely: no instant error and no range error. */
export function probeRanCompletely(result: ProbeResult): boolean {
  return result.error === undefined && result.rangeError === undefined;
}
