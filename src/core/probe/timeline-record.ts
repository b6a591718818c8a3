import type { ProbeResultRecord, ProbeRunEvent, ProbeVerdict } from '../timeline/events.js';
import { alertExpressionStepId } from './probe.js';
import type { ProbeResult } from './result.js';

/**
 * The verdict a journal record stands for. Journals written before `unjudged` was recorded hold `ok`
 * for a probe that had no thresholds; such a record (not the alert expression, which is judged by its
 * condition) is read as `unjudged`, so the postmortem never claims "ok" for a value nobody judged.
 */
export function recordedVerdict(record: ProbeResultRecord): ProbeVerdict {
  const unthresholded =
    record.warn === undefined && record.crit === undefined && record.role !== 'alert-rule';
  return record.verdict === 'ok' && unthresholded ? 'unjudged' : record.verdict;
}

/** One probe's result as the incident journal keeps it. */
export function probeResultRecord(result: ProbeResult): ProbeResultRecord {
  const { probe } = result;
  const judgement = probe.judgement.kind === 'thresholds' ? probe.judgement : undefined;
  const failure = result.error;
  return {
    title: probe.title,
    query: probe.query,
    ranAt: new Date(result.evaluatedAt * 1000).toISOString(),
    verdict: result.verdict satisfies ProbeVerdict,
    ...(failure ? { error: failure.message } : {}),
    ...(probe.unit !== undefined ? { unit: probe.unit } : {}),
    ...(judgement?.warn ? { warn: judgement.warn } : {}),
    ...(judgement?.crit ? { crit: judgement.crit } : {}),
    // A series that is only in the range has no value now; the range below still holds it.
    series: result.series.flatMap((series) =>
      series.value === undefined ? [] : [{ labels: series.labels, value: series.value }],
    ),
    ...(failure || result.rangeError
      ? {}
      : {
          range: {
            stepSeconds: result.window.step,
            series: result.series
              .filter((series) => series.points.length > 0)
              .map((series) => ({
                labels: series.labels,
                points: series.points.map((point) => [point.timestamp, point.value] as const),
              })),
          },
        }),
    ...(probe.role === 'alert-rule' ? { role: 'alert-rule' as const } : {}),
  };
}

/**
 * The timeline event for a completed run of one step's probes. The alert-expression pseudo-step is
 * recorded without a step id, as the journal expects for the alert's own expression.
 */
export function probeRunEvent(stepId: string, results: readonly ProbeResult[], atMs: number): ProbeRunEvent {
  return {
    type: 'probe-run',
    at: new Date(atMs).toISOString(),
    ...(stepId === alertExpressionStepId ? {} : { stepId }),
    probes: results.map(probeResultRecord),
  };
}
