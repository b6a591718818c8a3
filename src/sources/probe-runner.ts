// Runs a step's probes against Prometheus: every probe's instant query (the value now) and range
// query (the sparkline) go through one limiter, so no more than `concurrency` requests are in flight.
// Each query has its own timeout. A step run has one AbortController: cancelling it (or starting
// the next step's run) aborts what is in flight, never sends what is still queued, and drops the
// results. Only read-only GETs are made: sitrep never writes to Prometheus.
import { setMaxListeners } from 'node:events';
import type { ProbeStep, Probe } from '../core/probe/probe.js';
import { rangeWindow, type RangeWindow } from '../core/probe/range-window.js';
import type { InstantSample, RangeSeries } from '../core/alerts/prometheus-query.js';
import type { ProbeFailure, ProbeResult, QueryOutcome } from '../core/probe/result.js';
import { buildProbeResult, unrunnableResult } from '../core/probe/result.js';
import { formatDuration } from '../core/format/duration.js';
import { createLimiter } from './limiter.js';
import { resolveVariants } from './probe-variants.js';

/**
 * The two Prometheus queries a probe needs. The real one wraps the Prometheus client
 * (prometheus-probe-client.ts); tests pass their own to count requests in flight.
 */
export interface ProbeQueryClient {
  /** `GET /api/v1/query` at `timeSeconds`; a scalar result comes back as one series with no labels. */
  instant(query: string, timeSeconds: number, signal: AbortSignal): Promise<readonly InstantSample[]>;
  /** `GET /api/v1/query_range` over the window. */
  range(query: string, window: RangeWindow, signal: AbortSignal): Promise<readonly RangeSeries[]>;
  /** Says in words what instant() or range() threw (Prometheus errorType, refused connection, bad JSON, …). */
  failureOf(error: unknown): ProbeFailure;
}

/** How probes run. */
export interface ProbeRunOptions {
  readonly client: ProbeQueryClient;
  /** Requests in flight at most, across the step's probes (default 8). */
  readonly concurrency?: number;
  /** Per query, in milliseconds (default 10 s). */
  readonly timeoutMs?: number;
  /** Names the server in a timeout message (`prometheus 127.0.0.1:9090`). */
  readonly source?: string;
  /** The clock, in ms since the epoch (default Date.now). */
  readonly now?: () => number;
}

/** A finished run of one step's probes, in the step's probe order. */
export interface ProbeStepRun {
  readonly step: ProbeStep;
  readonly results: readonly ProbeResult[];
  readonly startedAt: number;
  readonly finishedAt: number;
}

/** What one run may be told besides the options. */
export interface ProbeStepRunRequest {
  /** Cancels the run: in-flight queries are aborted, queued ones never sent, and the run resolves undefined. */
  readonly signal?: AbortSignal;
  /** Evaluate at this time (unix seconds) instead of now: the value then and the range ending then. */
  readonly at?: number;
  /** Called as each probe finishes, never after the run is cancelled. */
  readonly onResult?: (result: ProbeResult) => void;
}

export const defaultProbeConcurrency = 8;
export const defaultProbeTimeoutMs = 10_000;

/**
 * Runs every probe of a step concurrently (bounded), and resolves with all results — or with
 * undefined when the run was cancelled, whose partial results are dropped.
 */
export async function runProbeStep(
  step: ProbeStep,
  options: ProbeRunOptions,
  request: ProbeStepRunRequest = {},
): Promise<ProbeStepRun | undefined> {
  const now = options.now ?? Date.now;
  const signal = request.signal ?? new AbortController().signal;
  if (signal.aborted) return undefined;
  // Every probe's queries (and the queue waiting for a slot) listen on the step's one signal; a
  // step with many probes passes Node's default of 10 listeners without any leak.
  setMaxListeners(Math.max(10, step.probes.length * 4), signal);
  const limiter = createLimiter(options.concurrency ?? defaultProbeConcurrency);
  const startedAt = now();
  const evaluateAt = request.at ?? startedAt / 1000;

  const timeoutMs = options.timeoutMs ?? defaultProbeTimeoutMs;
  // Timed from when the request is sent, not from when it started waiting for a slot.
  const query = async <T>(send: (signal: AbortSignal) => Promise<T>): Promise<Timed<QueryOutcome<T>>> => {
    let began = now();
    try {
      const data = await limiter.run(() => {
        began = now();
        return withTimeout(send, signal, timeoutMs, options.source);
      }, signal);
      return { outcome: { ok: true, data }, ms: now() - began };
    } catch (error) {
      const failure = error instanceof TimeoutFailure ? error.failure : options.client.failureOf(error);
      return { outcome: { ok: false, failure }, ms: now() - began };
    }
  };

  const runOne = async (probe: Probe): Promise<ProbeResult> => {
    const window = rangeWindow(evaluateAt, probe.rangeSeconds);
    if (probe.unrunnable !== undefined) return unrunnableResult(probe, window, startedAt);
    const probeStart = now();
    const [instant, range] = await Promise.all([
      query((s) => options.client.instant(probe.query, evaluateAt, s)),
      query((s) => options.client.range(probe.query, window, s)),
    ]);
    const timings = {
      startedAt: probeStart,
      instantMs: instant.ms,
      rangeMs: range.ms,
      totalMs: now() - probeStart,
    };
    const result = buildProbeResult(probe, {
      instant: instant.outcome,
      range: range.outcome,
      evaluatedAt: evaluateAt,
      window,
      timings,
    });
    if (!signal.aborted) request.onResult?.(result);
    return result;
  };

  // Probes written for several exporters first pick the variant whose metrics Prometheus has.
  const probes = await resolveVariants(step.probes, async (q) => {
    const answer = await query((s) => options.client.instant(q, evaluateAt, s));
    return answer.outcome;
  });
  const results = await Promise.all(probes.map(runOne));
  if (signal.aborted) return undefined;
  return { step, results, startedAt, finishedAt: now() };
}

interface Timed<T> {
  readonly outcome: T;
  readonly ms: number;
}

/** Thrown when a query's own timer fired (as opposed to the step run being cancelled). */
class TimeoutFailure extends Error {
  constructor(readonly failure: ProbeFailure) {
    super(failure.message);
  }
}

async function withTimeout<T>(
  send: (signal: AbortSignal) => Promise<T>,
  parent: AbortSignal,
  timeoutMs: number,
  source: string | undefined,
): Promise<T> {
  parent.throwIfAborted();
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onParentAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('timeout'));
  }, timeoutMs);
  try {
    return await send(controller.signal);
  } catch (error) {
    if (timedOut && !parent.aborted) {
      const message = `${source ? `${source}: ` : ''}no answer within ${formatDuration(timeoutMs)}`;
      throw new TimeoutFailure({ kind: 'timeout', message, errorType: undefined });
    }
    throw error;
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', onParentAbort);
  }
}
