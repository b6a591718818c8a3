// Reads an alert's firing history from Prometheus's ALERTS series: the retention first (so the
// window never reaches back past what Prometheus keeps), then one range query over the window, and,
// only when that finds nothing, whether the backend has any ALERTS series at all (a Prometheus that
// evaluates no rules, or a VictoriaMetrics fed without vmalert's ALERTS, has none).
import type { LabelSet } from '../core/alerts/alert.js';
import { parsePrometheusEnvelope } from '../core/alerts/prometheus-api.js';
import {
  analyseHistory,
  historySelector,
  historyStep,
  seriesAgrees,
  type HistoryReport,
} from '../core/history/alert-history.js';
import { readStorageRetention, retentionSeconds } from '../core/history/retention.js';
import { getJson, type Endpoint } from './http-client.js';
import { query, queryRange } from './prometheus.js';

/** What to look up. */
export interface HistoryRequest {
  readonly alertname: string;
  /** Only the alert's series with these labels (equality). */
  readonly labels: LabelSet;
  /**
   * Keep only series whose labels agree with these where both have one (seriesAgrees): for an
   * alert's own labels, which may carry external labels Prometheus's ALERTS series do not.
   */
  readonly agreeWith?: LabelSet;
  /** How far back, in seconds (default 7 days). */
  readonly windowSeconds?: number;
  /** Unix seconds; the end of the window. */
  readonly nowSeconds: number;
  readonly zoneOffsetMinutes?: number;
  readonly signal?: AbortSignal;
}

export const defaultHistorySeconds = 7 * 24 * 3600;

/** Looks the history up; throws SourceError when Prometheus does not answer the range query. */
export async function fetchAlertHistory(source: Endpoint, request: HistoryRequest): Promise<HistoryReport> {
  const requestedSeconds = request.windowSeconds ?? defaultHistorySeconds;
  const retention = await readRetention(source, request.signal);
  const windowSeconds = Math.min(requestedSeconds, retention ?? Infinity);
  const end = Math.floor(request.nowSeconds);
  const start = end - Math.floor(windowSeconds);
  const stepSeconds = historyStep(windowSeconds);
  const selector = historySelector(request.alertname, request.labels);
  const result = await queryRange(source, selector, { start, end, stepSeconds }, request.signal);
  const agreeWith = request.agreeWith;
  const series = (result.resultType === 'matrix' ? result.series : []).filter(
    (one) => agreeWith === undefined || seriesAgrees(one.metric, agreeWith),
  );
  const history = analyseHistory(series, { start, end, stepSeconds }, request.zoneOffsetMinutes ?? 0);
  const alertsSeriesFound =
    (result.resultType === 'matrix' && result.series.length > 0) ||
    (await hasAlertsSeries(source, end, Math.floor(windowSeconds), request.signal));
  return { selector, history, requestedSeconds, retentionSeconds: retention, alertsSeriesFound };
}

async function readRetention(source: Endpoint, signal: AbortSignal | undefined): Promise<number | undefined> {
  try {
    const json = await getJson(source, '/api/v1/status/runtimeinfo', {}, signal);
    return retentionSeconds(readStorageRetention(parsePrometheusEnvelope(json).data));
  } catch {
    // Thanos Query and VictoriaMetrics do not serve it: the retention is then unknown, not an error.
    return undefined;
  }
}

async function hasAlertsSeries(
  source: Endpoint,
  end: number,
  windowSeconds: number,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const result = await query(
    source,
    `count(count_over_time(ALERTS[${windowSeconds}s]))`,
    { time: end },
    signal,
  );
  return result.resultType === 'vector' && result.samples.length > 0;
}
