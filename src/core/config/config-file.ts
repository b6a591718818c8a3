// sitrep's config file (`$XDG_CONFIG_HOME/sitrep/config.yml`), checked key by key. Every flag has
// a key, and each source may carry its own headers, auth and TLS in Prometheus's http_config shape:
//
//   timeout: 10s
//   probe_interval: 15s               # how often the screen re-runs the focused step's probes
//   output: simple
//   alertmanager:                     # a URL, a source, or a list of them
//     - url: https://am-1.example
//       authorization: { credentials_file: /run/secrets/am-token }
//   prometheus:
//     url: https://mimir.example/prometheus
//     headers: { X-Scope-OrgID: team-a }
//   runbooks:
//     dirs: [~/runbooks, team-runbooks]  # a folder, or a list of them
import {
  describeValue,
  readObject,
  readOptionalString,
  readString,
  readStringList,
  readStringMap,
  rejectUnknownKeys,
  ShapeError,
  type ShapePath,
} from '../alerts/shape.js';
import { outputFormats, type OutputFormat } from './config.js';
import { httpConfigKeys, readHttpSettings, type HttpSettings } from './http-config.js';
import { parseSourceUrl } from './source-url.js';
import { parseByteSize, parseDuration } from './units.js';

/** One source as the file describes it. Paths are absolute. */
export interface FileSource {
  readonly url: string;
  readonly name?: string;
  readonly timeoutMs?: number;
  readonly maxResponseBytes?: number;
  readonly httpConfigFile?: string;
  /** Inline auth, TLS and headers. */
  readonly http: HttpSettings;
}

/** The file's settings; an absent key is left to the environment and defaults. */
export interface FileConfig {
  readonly alertmanager?: readonly FileSource[];
  /** null: switched off with `prometheus: ""`. */
  readonly prometheus?: FileSource | null;
  readonly timeoutMs?: number;
  readonly maxResponseBytes?: number;
  readonly output?: OutputFormat;
  readonly httpConfigFile?: string;
  /**
   * `runbooks.dirs`: runbook folders, searched after --runbooks.dir and SITREP_RUNBOOK_DIRS. Relative
   * ones are resolved; `~/…` is left for the runbook folders to expand with the environment's HOME.
   */
  readonly runbookDirs?: readonly string[];
  readonly probeIntervalMs?: number;
  /** `runbooks.allowed_hosts`: hosts remote runbooks may be fetched from (see runbook-hosts.ts). */
  readonly runbookAllowedHosts?: readonly string[];
}

/** Keys allowed at the top of the file. */
export const topLevelKeys = [
  'alertmanager',
  'prometheus',
  'timeout',
  'output',
  'http_config_file',
  'max_response_size',
  'runbooks',
  'probe_interval',
];
/** Keys allowed under `runbooks`. */
export const runbooksKeys = ['dirs', 'allowed_hosts'];
/** Keys allowed in a source. */
export const sourceKeys = [
  'url',
  'name',
  'timeout',
  'max_response_size',
  'headers',
  'http_config_file',
  ...httpConfigKeys,
];

/** Checks a parsed YAML document. Throws ShapeError naming the key at fault. */
export function readFileConfig(json: unknown, resolvePath: (file: string) => string): FileConfig {
  if (json === undefined || json === null) return {};
  const object = readObject(json, []);
  rejectUnknownKeys(object, topLevelKeys, []);
  const config: {
    -readonly [K in keyof FileConfig]: FileConfig[K];
  } = {};
  const am = object['alertmanager'];
  if (am !== undefined && am !== null) {
    config.alertmanager = Array.isArray(am)
      ? am.map((item, index) => readSource(item, ['alertmanager', index], resolvePath))
      : [readSource(am, ['alertmanager'], resolvePath)];
  }
  const prom = object['prometheus'];
  // `prometheus: ""` (or `prometheus.url` set to "") switches Prometheus off.
  const promUrl =
    typeof prom === 'object' && prom !== null && !Array.isArray(prom)
      ? (prom as Record<string, unknown>)['url']
      : prom;
  if (promUrl === '') config.prometheus = null;
  else if (prom !== undefined && prom !== null)
    config.prometheus = readSource(prom, ['prometheus'], resolvePath);
  const timeout = readTimeout(object['timeout'], ['timeout']);
  if (timeout !== undefined) config.timeoutMs = timeout;
  const size = readSize(object['max_response_size'], ['max_response_size']);
  if (size !== undefined) config.maxResponseBytes = size;
  const output = readOptionalString(object['output'], ['output']);
  if (output !== undefined) {
    if (!(outputFormats as readonly string[]).includes(output)) {
      throw new ShapeError(['output'], `expected one of ${outputFormats.join(', ')}, got "${output}"`);
    }
    config.output = output as OutputFormat;
  }
  const httpFile = readOptionalString(object['http_config_file'], ['http_config_file']);
  if (httpFile) config.httpConfigFile = resolvePath(httpFile);
  const runbookDirs = readRunbookDirs(object['runbooks'], resolvePath);
  if (runbookDirs !== undefined) config.runbookDirs = runbookDirs;
  const probeInterval = readTimeout(object['probe_interval'], ['probe_interval']);
  if (probeInterval !== undefined) config.probeIntervalMs = probeInterval;
  const allowedHosts = readAllowedHosts(object['runbooks']);
  if (allowedHosts !== undefined) config.runbookAllowedHosts = allowedHosts;
  return config;
}

// `runbooks: { dirs: DIR | [DIR, …] }`; undefined when absent.
function readRunbookDirs(
  json: unknown,
  resolvePath: (file: string) => string,
): readonly string[] | undefined {
  if (json === undefined || json === null) return undefined;
  const object = readObject(json, ['runbooks']);
  rejectUnknownKeys(object, runbooksKeys, ['runbooks']);
  const dirs = object['dirs'];
  if (dirs === undefined || dirs === null) return undefined;
  const path: ShapePath = ['runbooks', 'dirs'];
  if (typeof dirs !== 'string' && !Array.isArray(dirs)) {
    throw new ShapeError(path, `expected a folder or a list of folders, got ${describeValue(dirs)}`);
  }
  const list = typeof dirs === 'string' ? [dirs] : readStringList(dirs, path);
  return list.map((dir, index) => {
    if (dir.trim() === '') {
      throw new ShapeError(typeof dirs === 'string' ? path : [...path, index], 'expected a folder, got ""');
    }
    return dir === '~' || dir.startsWith('~/') ? dir : resolvePath(dir);
  });
}

// `runbooks: { allowed_hosts: HOST | [HOST, …] }`; undefined when absent. Keys were checked above.
function readAllowedHosts(json: unknown): readonly string[] | undefined {
  if (json === undefined || json === null) return undefined;
  const hosts = readObject(json, ['runbooks'])['allowed_hosts'];
  if (hosts === undefined || hosts === null) return undefined;
  const path: ShapePath = ['runbooks', 'allowed_hosts'];
  if (typeof hosts !== 'string' && !Array.isArray(hosts)) {
    throw new ShapeError(path, `expected a host name or a list of them, got ${describeValue(hosts)}`);
  }
  const list = typeof hosts === 'string' ? [hosts] : readStringList(hosts, path);
  list.forEach((host, index) => {
    if (!/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(host.trim())) {
      throw new ShapeError(
        typeof hosts === 'string' ? path : [...path, index],
        `expected a host name such as wiki.example.com or *.example.com, got "${host}"`,
      );
    }
  });
  return list.map((h) => h.trim());
}

function readSource(json: unknown, path: ShapePath, resolvePath: (file: string) => string): FileSource {
  const object = typeof json === 'string' ? { url: json } : readObject(json, path);
  rejectUnknownKeys(object, sourceKeys, path);
  if (object['url'] === undefined || object['url'] === null) {
    throw new ShapeError([...path, 'url'], 'missing: a source needs its url (set that first)');
  }
  const url = readString(object['url'], [...path, 'url']);
  const parsed = parseSourceUrl(url);
  if ('problem' in parsed) throw new ShapeError([...path, 'url'], parsed.problem);
  const source: { -readonly [K in keyof FileSource]: FileSource[K] } = {
    url,
    http: {
      ...readHttpSettings(object, path, resolvePath),
      headers: readStringMap(object['headers'], [...path, 'headers']),
    },
  };
  const name = readOptionalString(object['name'], [...path, 'name']);
  if (name) source.name = name;
  const timeout = readTimeout(object['timeout'], [...path, 'timeout']);
  if (timeout !== undefined) source.timeoutMs = timeout;
  const size = readSize(object['max_response_size'], [...path, 'max_response_size']);
  if (size !== undefined) source.maxResponseBytes = size;
  const httpFile = readOptionalString(object['http_config_file'], [...path, 'http_config_file']);
  if (httpFile) source.httpConfigFile = resolvePath(httpFile);
  return source;
}

/** A positive duration such as `10s`; undefined when absent. Throws ShapeError. */
export function readTimeout(value: unknown, path: ShapePath): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'number' ? `${value}s` : readString(value, path);
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) {
    throw new ShapeError(path, `"${text}" is not a positive duration (e.g. 10s, 1m30s, 500ms)`);
  }
  return ms;
}

function readSize(value: unknown, path: ShapePath): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'number' ? String(value) : readString(value, path);
  const bytes = parseByteSize(text);
  if (bytes === undefined || bytes <= 0) throw new ShapeError(path, `"${text}" is not a size (e.g. 256MiB)`);
  return bytes;
}
