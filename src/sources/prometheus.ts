// Prometheus HTTP API client; works unchanged with Thanos Query, Grafana Mimir and VictoriaMetrics
// (give the path prefix in the source URL and a tenant header in `headers`). Each call takes the
// source and an optional AbortSignal and throws SourceError on any failure, including a Prometheus
// `"status": "error"` answer (kind 'api', the message carrying errorType and error).
import type { ParsedAlerts } from '../core/alerts/alertmanager-api.js';
import {
  parseBuildInfo,
  parsePrometheusAlerts,
  parsePrometheusEnvelope,
  parseRules,
  type BuildInfo,
  type RuleGroup,
} from '../core/alerts/prometheus-api.js';
import { parseQueryResult, type QueryResult } from '../core/alerts/prometheus-query.js';
import { endpointUrl, getJson, type Endpoint, type QueryParams } from './http-client.js';
import { responseError } from './http-error.js';

// GETs an API path, unwraps the envelope and parses `data`; any complaint names the request.
async function api<T>(
  source: Endpoint,
  path: string,
  params: QueryParams,
  signal: AbortSignal | undefined,
  parse: (data: unknown, warnings: readonly string[]) => T,
): Promise<T> {
  const json = await getJson(source, path, params, signal);
  try {
    const { data, warnings } = parsePrometheusEnvelope(json);
    return parse(data, warnings);
  } catch (error) {
    throw responseError(source, endpointUrl(source, path, params), error);
  }
}

/** `GET /api/v1/alerts`: firing and pending alerts, fingerprinted as Alertmanager would. */
export function getPrometheusAlerts(source: Endpoint, signal?: AbortSignal): Promise<ParsedAlerts> {
  return api(source, '/api/v1/alerts', {}, signal, (data) =>
    parsePrometheusAlerts(data, { kind: 'prometheus', source: source.name }),
  );
}

/** `GET /api/v1/rules`, optionally only `alert` or `record` rules. */
export function getRules(
  source: Endpoint,
  options: { readonly type?: 'alert' | 'record' } = {},
  signal?: AbortSignal,
): Promise<{ readonly groups: readonly RuleGroup[]; readonly problems: readonly string[] }> {
  return api(source, '/api/v1/rules', { type: options.type }, signal, parseRules);
}

/** When to evaluate: a Date, or Unix seconds. */
export type EvalTime = Date | number;

function seconds(time: EvalTime): string {
  return String(typeof time === 'number' ? time : time.getTime() / 1000);
}

/** `GET /api/v1/query`: an instant query, at `time` (default: the server's now). */
export function query(
  source: Endpoint,
  promql: string,
  options: { readonly time?: EvalTime } = {},
  signal?: AbortSignal,
): Promise<QueryResult> {
  const params = { query: promql, time: options.time === undefined ? undefined : seconds(options.time) };
  return api(source, '/api/v1/query', params, signal, parseQueryResult);
}

/** `GET /api/v1/query_range`: a range query from `start` to `end` every `stepSeconds`. */
export function queryRange(
  source: Endpoint,
  promql: string,
  options: { readonly start: EvalTime; readonly end: EvalTime; readonly stepSeconds: number },
  signal?: AbortSignal,
): Promise<QueryResult> {
  const params = {
    query: promql,
    start: seconds(options.start),
    end: seconds(options.end),
    step: String(options.stepSeconds),
  };
  return api(source, '/api/v1/query_range', params, signal, parseQueryResult);
}

/** `GET /api/v1/status/buildinfo`: version, revision, Go version. */
export function getBuildInfo(source: Endpoint, signal?: AbortSignal): Promise<BuildInfo> {
  return api(source, '/api/v1/status/buildinfo', {}, signal, parseBuildInfo);
}
