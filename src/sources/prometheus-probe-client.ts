// The probe runner's two queries over the Prometheus client of src/sources/prometheus.ts, and its
// errors turned into ProbeFailures the probe table can show next to the probe that hit them.
import type { InstantSample, QueryResult, RangeSeries } from '../core/alerts/prometheus-query.js';
import { errorMessage } from '../core/errors.js';
import type { ProbeFailure } from '../core/probe/result.js';
import { sanitizeLine } from '../core/sanitize.js';
import type { Endpoint } from './http-client.js';
import { SourceError } from './http-error.js';
import { query, queryRange } from './prometheus.js';
import type { ProbeQueryClient } from './probe-runner.js';

/** A ProbeQueryClient that sends read-only GETs to this Prometheus (or Thanos, Mimir, VictoriaMetrics). */
export function prometheusProbeClient(source: Endpoint): ProbeQueryClient {
  return {
    async instant(promql, timeSeconds, signal) {
      return instantSamples(await query(source, promql, { time: timeSeconds }, signal));
    },
    async range(promql, window, signal) {
      const result = await queryRange(
        source,
        promql,
        { start: window.start, end: window.end, stepSeconds: window.step },
        signal,
      );
      if (result.resultType !== 'matrix') throw unexpected(result.resultType, 'a range (matrix)');
      return result.series satisfies readonly RangeSeries[];
    },
    failureOf: probeFailureOf,
  };
}

function instantSamples(result: QueryResult): readonly InstantSample[] {
  switch (result.resultType) {
    case 'vector':
      return result.samples;
    case 'scalar':
      return [{ metric: {}, ...result.point }];
    case 'matrix':
      throw unexpected('matrix', 'one value per series; drop the `[range]` from the query');
    case 'string':
      throw unexpected('string', 'numbers');
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}

class UnexpectedResult extends Error {}

function unexpected(got: string, wanted: string): UnexpectedResult {
  return new UnexpectedResult(`the query returns a ${got}; a probe needs ${wanted}`);
}

/** Says in words why a probe query failed, keeping Prometheus's errorType where it gave one. */
export function probeFailureOf(error: unknown): ProbeFailure {
  if (error instanceof UnexpectedResult)
    return { kind: 'prometheus', errorType: undefined, message: error.message };
  if (error instanceof SourceError) {
    // The message is "<source>: <cause> (<url>)"; the probe table already says which query it was.
    const cause = stripSource(error);
    if (error.errorType !== undefined) {
      return { kind: 'prometheus', errorType: error.errorType, message: error.serverError ?? cause };
    }
    if (error.kind === 'timeout')
      return { kind: 'timeout', errorType: undefined, message: `${error.source}: ${cause}` };
    return { kind: 'transport', errorType: undefined, message: `${error.source}: ${cause}` };
  }
  const message = errorMessage(error);
  return { kind: 'transport', errorType: undefined, message: sanitizeLine(message) };
}

function stripSource(error: SourceError): string {
  let text = error.message;
  if (text.startsWith(`${error.source}: `)) text = text.slice(error.source.length + 2);
  // The URL at the end is written with or without its query string.
  for (const url of [error.url, error.url.split('?', 1)[0] ?? '']) {
    const suffix = ` (${url})`;
    if (text.endsWith(suffix)) return text.slice(0, -suffix.length);
  }
  return text;
}
