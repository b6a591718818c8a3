// The `sitrep probe --json` shape (documented in README.md). Sample values are strings, as in
// Prometheus's own API, because JSON has no NaN or Infinity: "249.8", "NaN", "+Inf", "-Inf".
import type { LabelSet } from '../alerts/alert.js';
import { displayUnit, formatPrometheusNumber } from '../format/value.js';
import type { ProbeRole } from './probe.js';
import type { Threshold } from './probe-spec.js';
import type { ProbeFailure, ProbeResult } from './result.js';
import type { SeriesVerdict, Verdict } from './verdict.js';

/** One probe's result in `--json`. */
export interface ProbeResultJson {
  readonly id: string;
  readonly title: string;
  readonly query: string;
  readonly role: ProbeRole;
  readonly unit: string | null;
  readonly judgement: 'thresholds' | 'condition';
  readonly warn: Threshold | null;
  readonly crit: Threshold | null;
  readonly note: string | null;
  /** For a probe written for several exporters: which variant ran and why; else null. */
  readonly variant: { readonly name: string; readonly reason: string } | null;
  readonly verdict: Verdict;
  readonly error: ProbeFailureJson | null;
  readonly rangeError: ProbeFailureJson | null;
  readonly evaluatedAt: string;
  readonly range: { readonly start: string; readonly end: string; readonly stepSeconds: number };
  readonly series: readonly SeriesJson[];
  readonly otherSeries: number;
  readonly timings: {
    readonly instantMs: number | null;
    readonly rangeMs: number | null;
    readonly totalMs: number;
  };
}

/** A failure in `--json`. */
export interface ProbeFailureJson {
  readonly kind: ProbeFailure['kind'];
  readonly errorType: string | null;
  readonly message: string;
}

/** One series in `--json`: value now (null when the series is only in the range) and [unix seconds, value] points. */
export interface SeriesJson {
  readonly labels: LabelSet;
  readonly value: string | null;
  readonly verdict: SeriesVerdict;
  readonly points: readonly (readonly [number, string])[];
}

/** A probe result as plain JSON-safe data. */
export function probeResultJson(result: ProbeResult): ProbeResultJson {
  const { probe } = result;
  const thresholds = probe.judgement.kind === 'thresholds' ? probe.judgement : undefined;
  return {
    id: probe.id,
    title: probe.title,
    query: probe.query,
    role: probe.role,
    unit: displayUnit(probe.unit) ?? null,
    judgement: probe.judgement.kind,
    warn: thresholds?.warn ?? null,
    crit: thresholds?.crit ?? null,
    note: probe.note ?? null,
    variant: probe.variant ? { name: probe.variant.name, reason: probe.variant.reason } : null,
    verdict: result.verdict,
    error: failureJson(result.error),
    rangeError: failureJson(result.rangeError),
    evaluatedAt: isoSeconds(result.evaluatedAt),
    range: {
      start: isoSeconds(result.window.start),
      end: isoSeconds(result.window.end),
      stepSeconds: result.window.step,
    },
    series: result.series.map((series) => ({
      labels: series.labels,
      value: series.value === undefined ? null : formatPrometheusNumber(series.value),
      verdict: series.verdict,
      points: series.points.map((point) => [point.timestamp, formatPrometheusNumber(point.value)] as const),
    })),
    otherSeries: result.otherSeries,
    timings: {
      instantMs: result.timings.instantMs ?? null,
      rangeMs: result.timings.rangeMs ?? null,
      totalMs: result.timings.totalMs,
    },
  };
}

function failureJson(failure: ProbeFailure | undefined): ProbeFailureJson | null {
  if (!failure) return null;
  return { kind: failure.kind, errorType: failure.errorType ?? null, message: failure.message };
}

function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
