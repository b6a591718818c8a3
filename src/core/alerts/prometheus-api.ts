// Prometheus HTTP API (`/api/v1/...`) responses read into the domain model. Thanos Query, Mimir
// and VictoriaMetrics answer in the same envelope. Query results live in prometheus-query.ts.
import type { AlertOrigin } from './alert.js';
import type { ParsedAlerts } from './alertmanager-api.js';
import { labelsFingerprint } from './fingerprint.js';
import { makeAlert } from './make-alert.js';
import {
  readArray,
  readEach,
  readEnum,
  readObject,
  readOptionalString,
  readString,
  readStringList,
  readStringMap,
  readTime,
  ShapeError,
  type ShapePath,
} from './shape.js';
import { appendAll } from '../bounded.js';

/** Prometheus answered `"status": "error"`: its `errorType` (`bad_data`, `timeout`, …) and `error`. */
export class PrometheusApiError extends Error {
  readonly errorType: string;
  /** The answer's `error` text alone (the message is `<errorType>: <error>`). */
  readonly detail: string;

  constructor(errorType: string, error: string) {
    super(`${errorType}: ${error}`);
    this.name = 'PrometheusApiError';
    this.errorType = errorType;
    this.detail = error;
  }
}

/** The `data` of a successful response, and any `warnings` the server attached. */
export interface PrometheusEnvelope {
  readonly data: unknown;
  readonly warnings: readonly string[];
}

/** Unwraps `{status, data, errorType, error, warnings}`; throws PrometheusApiError or ShapeError. */
export function parsePrometheusEnvelope(json: unknown): PrometheusEnvelope {
  const object = readObject(json, []);
  const status = readEnum(object['status'], ['success', 'error'], ['status']);
  if (status === 'error') {
    throw new PrometheusApiError(
      readOptionalString(object['errorType'], ['errorType']) ?? 'error',
      readOptionalString(object['error'], ['error']) ?? 'no message',
    );
  }
  if (!('data' in object)) throw new ShapeError(['data'], 'missing');
  return { data: object['data'], warnings: readStringList(object['warnings'], ['warnings']) };
}

/** Reads the `data` of `GET /api/v1/alerts`: firing and pending alerts, fingerprinted like Alertmanager. */
export function parsePrometheusAlerts(data: unknown, origin: AlertOrigin): ParsedAlerts {
  const alerts = readArray(readObject(data, ['data'])['alerts'], ['data', 'alerts']);
  const parsed = readEach(alerts, ['data', 'alerts'], (item, path) => {
    const object = readObject(item, path);
    const labels = readStringMap(readObject(object['labels'], [...path, 'labels']), [...path, 'labels']);
    const state = readEnum(object['state'], ['firing', 'pending', 'inactive'], [...path, 'state']);
    // `inactive` does not appear in this endpoint, but Thanos-style backends may pass it through.
    if (state === 'inactive') return undefined;
    return makeAlert({
      fingerprint: labelsFingerprint(labels),
      labels,
      annotations: readStringMap(object['annotations'], [...path, 'annotations']),
      state: state === 'firing' ? 'active' : 'pending',
      startsAt: readTime(object['activeAt'], [...path, 'activeAt']),
      origin,
    });
  });
  return { alerts: parsed.values.filter((a) => a !== undefined), problems: parsed.problems };
}

/** One rule from `GET /api/v1/rules`. */
export interface Rule {
  readonly type: 'alerting' | 'recording';
  readonly name: string;
  readonly query: string;
  /** Alerting rules: the `for` duration in seconds. */
  readonly durationSeconds: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** `ok`, `err` or `unknown`. */
  readonly health: string;
  readonly lastError: string | undefined;
  /** Alerting rules: `firing`, `pending` or `inactive`. */
  readonly state: string | undefined;
}

/** A rule group: its name, the file it came from and its rules. */
export interface RuleGroup {
  readonly name: string;
  readonly file: string;
  readonly rules: readonly Rule[];
}

/** Reads the `data` of `GET /api/v1/rules`. */
export function parseRules(data: unknown): {
  readonly groups: readonly RuleGroup[];
  readonly problems: readonly string[];
} {
  const problems: string[] = [];
  const groups = readArray(readObject(data, ['data'])['groups'], ['data', 'groups']);
  const parsed = readEach(groups, ['data', 'groups'], (item, path) => {
    const object = readObject(item, path);
    const rules = readEach(readArray(object['rules'], [...path, 'rules']), [...path, 'rules'], parseRule);
    appendAll(problems, rules.problems);
    return {
      name: readString(object['name'], [...path, 'name']),
      file: readOptionalString(object['file'], [...path, 'file']) ?? '',
      rules: rules.values,
    };
  });
  return { groups: parsed.values, problems: [...parsed.problems, ...problems] };
}

function parseRule(item: unknown, path: ShapePath): Rule {
  const object = readObject(item, path);
  const duration = object['duration'];
  return {
    type: readEnum(object['type'], ['alerting', 'recording'], [...path, 'type']),
    name: readString(object['name'], [...path, 'name']),
    query: readString(object['query'], [...path, 'query']),
    durationSeconds: typeof duration === 'number' && Number.isFinite(duration) ? duration : 0,
    labels: readStringMap(object['labels'], [...path, 'labels']),
    annotations: readStringMap(object['annotations'], [...path, 'annotations']),
    health: readOptionalString(object['health'], [...path, 'health']) ?? 'unknown',
    lastError: readOptionalString(object['lastError'], [...path, 'lastError']) || undefined,
    state: readOptionalString(object['state'], [...path, 'state']),
  };
}

/** What `GET /api/v1/status/buildinfo` reports. */
export interface BuildInfo {
  readonly version: string;
  readonly revision: string;
  readonly goVersion: string;
}

/** Reads the `data` of `GET /api/v1/status/buildinfo`. */
export function parseBuildInfo(data: unknown): BuildInfo {
  const object = readObject(data, ['data']);
  return {
    version: readString(object['version'], ['data', 'version']),
    revision: readOptionalString(object['revision'], ['data', 'revision']) ?? '',
    goVersion: readOptionalString(object['goVersion'], ['data', 'goVersion']) ?? '',
  };
}
