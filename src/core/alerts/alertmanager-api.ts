// Alertmanager API v2 responses (`/api/v2/alerts`, `/status`) read into the
// domain model. Nothing in a response is trusted: a wrong top-level shape throws a ShapeError, a
// single malformed alert is skipped and reported in `problems`.
import type { Alert, AlertOrigin } from './alert.js';
import { alertmanagerState, readAlertQuickly } from './alertmanager-fast-path.js';
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
  type ShapePath,
} from './shape.js';

/** Alerts read from one response, and a line for each item that had to be skipped. */
export interface ParsedAlerts {
  readonly alerts: readonly Alert[];
  readonly problems: readonly string[];
}

/** Reads `GET /api/v2/alerts`. Throws ShapeError when the body is not a list. */
export function parseAlertmanagerAlerts(json: unknown, origin: AlertOrigin): ParsedAlerts {
  // The quick reader takes the well-formed alerts; the careful one reads the rest and says why
  // it skips one.
  const { values, problems } = readEach(
    readArray(json, []),
    [],
    (item, path) => readAlertQuickly(item, origin) ?? parseAlertmanagerAlert(item, path, origin),
  );
  return { alerts: values, problems };
}

/** Reads one `gettableAlert`. Throws ShapeError. */
export function parseAlertmanagerAlert(json: unknown, path: ShapePath, origin: AlertOrigin): Alert {
  const object = readObject(json, path);
  const status = readObject(object['status'], [...path, 'status']);
  const rawState = readEnum(
    status['state'],
    ['active', 'suppressed', 'unprocessed'],
    [...path, 'status', 'state'],
  );
  const silencedBy = readStringList(status['silencedBy'], [...path, 'status', 'silencedBy']);
  const inhibitedBy = readStringList(status['inhibitedBy'], [...path, 'status', 'inhibitedBy']);
  return makeAlert({
    fingerprint: readString(object['fingerprint'], [...path, 'fingerprint']),
    labels: readStringMap(readObject(object['labels'], [...path, 'labels']), [...path, 'labels']),
    annotations: readStringMap(object['annotations'], [...path, 'annotations']),
    state: alertmanagerState(rawState, silencedBy),
    startsAt: readTime(object['startsAt'], [...path, 'startsAt']),
    updatedAt:
      object['updatedAt'] === undefined || object['updatedAt'] === null
        ? undefined
        : readTime(object['updatedAt'], [...path, 'updatedAt']),
    silencedBy,
    inhibitedBy,
    generatorURL: readOptionalString(object['generatorURL'], [...path, 'generatorURL']),
    origin,
  });
}

/** What `GET /api/v2/status` says about a running Alertmanager. */
export interface AlertmanagerStatus {
  readonly version: string;
  readonly uptime: string;
  /** `ready`, `settling`, `disabled` (no cluster) … */
  readonly clusterStatus: string;
  readonly peers: readonly { readonly name: string; readonly address: string }[];
  /** The running configuration as YAML (Alertmanager redacts its secrets). */
  readonly configYaml: string;
}

/** Reads `GET /api/v2/status`. Throws ShapeError. */
export function parseAlertmanagerStatus(json: unknown): AlertmanagerStatus {
  const object = readObject(json, []);
  const cluster = readObject(object['cluster'], ['cluster']);
  const versionInfo = readObject(object['versionInfo'], ['versionInfo']);
  const config = readObject(object['config'] ?? {}, ['config']);
  const peers = readArray(cluster['peers'] ?? [], ['cluster', 'peers']).map((peer, index) => {
    const p = readObject(peer, ['cluster', 'peers', index]);
    return {
      name: readString(p['name'], ['cluster', 'peers', index, 'name']),
      address: readString(p['address'], ['cluster', 'peers', index, 'address']),
    };
  });
  return {
    version: readString(versionInfo['version'], ['versionInfo', 'version']),
    uptime: readTime(object['uptime'], ['uptime']),
    clusterStatus: readString(cluster['status'], ['cluster', 'status']),
    peers,
    configYaml: readOptionalString(config['original'], ['config', 'original']) ?? '',
  };
}
