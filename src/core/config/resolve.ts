// Precedence, as pure code: flags > environment > config file > defaults. The caller reads the
// environment, the config file and any http_config files; this only decides.
import { UsageError } from '../errors.js';
import {
  defaults,
  outputFormats,
  type Config,
  type OutputFormat,
  type SourceConfig,
  type SourceKind,
} from './config.js';
import type { FileConfig, FileSource } from './config-file.js';
import { mergeHttpSettings, type HttpSettings } from './http-config.js';
import { parseSourceUrl, redactUrl } from './source-url.js';
import { parseDuration } from './units.js';
import { appendAll } from '../bounded.js';

/** The source flags as the command line gave them (absent ones undefined or empty). */
export interface SourceFlags {
  readonly alertmanagerUrls: readonly string[];
  /** An empty string switches Prometheus off. */
  readonly prometheusUrl: string | undefined;
  readonly timeout: string | undefined;
  readonly output: string | undefined;
  readonly json: boolean;
  /** Absolute path of `--http.config.file`. */
  readonly httpConfigFile: string | undefined;
  /** `--probe.interval`: how often the screen re-runs the focused step's probes. */
  readonly probeInterval?: string | undefined;
}

/**
 * `SITREP_ALERTMANAGER_URL` (comma separated; empty counts as unset) and `SITREP_PROMETHEUS_URL`
 * (empty switches Prometheus off, as `--prometheus.url=""` does).
 */
export interface SourceEnv {
  readonly alertmanagerUrls: string | undefined;
  readonly prometheusUrl: string | undefined;
}

/** Everything resolution looks at. `httpConfigs` holds each file httpConfigFiles() named. */
export interface ConfigInputs {
  readonly flags: SourceFlags;
  readonly env: SourceEnv;
  readonly file: FileConfig;
  readonly httpConfigs: ReadonlyMap<string, HttpSettings>;
}

/** The http_config files resolution will need, so the caller can read them first. */
export function httpConfigFiles(flags: SourceFlags, file: FileConfig): string[] {
  const paths = [flags.httpConfigFile, file.httpConfigFile];
  for (const source of [...(file.alertmanager ?? []), file.prometheus ?? undefined])
    paths.push(source?.httpConfigFile);
  return [...new Set(paths.filter((p): p is string => p !== undefined))];
}

/** The one Config a command runs with, and warnings to print (e.g. TLS verification off). */
export function resolveConfig(inputs: ConfigInputs): { config: Config; warnings: string[] } {
  const { flags, env, file } = inputs;
  const timeoutMs = flags.timeout === undefined ? undefined : flagTimeout(flags.timeout);
  const warnings: string[] = [];
  const build = (kind: SourceKind, url: string, where: string, fileSource: FileSource | undefined) => {
    const source = buildSource(
      inputs,
      kind,
      url,
      where,
      fileSource ?? findSource(file, kind, url),
      timeoutMs,
    );
    appendAll(warnings, warningsFor(source));
    return source;
  };
  const envAm = (env.alertmanagerUrls ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  let alertmanagers: SourceConfig[];
  if (flags.alertmanagerUrls.length > 0) {
    alertmanagers = flags.alertmanagerUrls.map((u) =>
      build('alertmanager', u, '--alertmanager.url', undefined),
    );
  } else if (envAm.length > 0) {
    alertmanagers = envAm.map((u) => build('alertmanager', u, 'SITREP_ALERTMANAGER_URL', undefined));
  } else if (file.alertmanager && file.alertmanager.length > 0) {
    alertmanagers = file.alertmanager.map((s) => build('alertmanager', s.url, 'alertmanager.url', s));
  } else {
    alertmanagers = [build('alertmanager', defaults.alertmanagerUrl, 'default', undefined)];
  }
  let prometheus: SourceConfig | undefined;
  if (flags.prometheusUrl !== undefined) {
    prometheus =
      flags.prometheusUrl.trim() === ''
        ? undefined
        : build('prometheus', flags.prometheusUrl, '--prometheus.url', undefined);
  } else if (env.prometheusUrl !== undefined) {
    prometheus =
      env.prometheusUrl.trim() === ''
        ? undefined
        : build('prometheus', env.prometheusUrl, 'SITREP_PROMETHEUS_URL', undefined);
  } else if (file.prometheus !== undefined) {
    prometheus =
      file.prometheus === null
        ? undefined
        : build('prometheus', file.prometheus.url, 'prometheus.url', file.prometheus);
  } else {
    prometheus = build('prometheus', defaults.prometheusUrl, 'default', undefined);
  }
  const probeIntervalMs =
    flags.probeInterval === undefined
      ? file.probeIntervalMs
      : positiveDuration('--probe.interval', flags.probeInterval);
  const config = { alertmanagers, prometheus, output: resolveOutput(flags, file) };
  return { config: probeIntervalMs === undefined ? config : { ...config, probeIntervalMs }, warnings };
}

function flagTimeout(text: string): number {
  return positiveDuration('--timeout', text);
}

function positiveDuration(flag: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) {
    throw new UsageError(
      `${flag}: "${text}" is not a positive duration`,
      'Write it like amtool: 10s, 1m30s, 500ms.',
    );
  }
  return ms;
}

function resolveOutput(flags: SourceFlags, file: FileConfig): OutputFormat {
  if (flags.output !== undefined && !(outputFormats as readonly string[]).includes(flags.output)) {
    throw new UsageError(`--output: "${flags.output}" is not one of ${outputFormats.join(', ')}`);
  }
  if (flags.json && flags.output !== undefined && flags.output !== 'json') {
    throw new UsageError(`--json and --output ${flags.output} disagree`, 'Give one of them.');
  }
  if (flags.json) return 'json';
  return (flags.output as OutputFormat | undefined) ?? file.output ?? defaults.output;
}

// A URL given by flag or environment still picks up the file's settings for the same server.
function findSource(file: FileConfig, kind: SourceKind, url: string): FileSource | undefined {
  const wanted = parseSourceUrl(url);
  if ('problem' in wanted) return undefined;
  const candidates =
    kind === 'alertmanager' ? (file.alertmanager ?? []) : file.prometheus ? [file.prometheus] : [];
  return candidates.find((s) => {
    const parsed = parseSourceUrl(s.url);
    return !('problem' in parsed) && parsed.url === wanted.url;
  });
}

function buildSource(
  inputs: ConfigInputs,
  kind: SourceKind,
  urlText: string,
  where: string,
  fileSource: FileSource | undefined,
  flagTimeoutMs: number | undefined,
): SourceConfig {
  const parsed = parseSourceUrl(urlText);
  if ('problem' in parsed) {
    // `--alertmanager.url a,b`: the flag takes one URL and is repeated; only the variable splits on commas.
    const several =
      where === '--alertmanager.url' &&
      urlText.split(',').every((part) => !('problem' in parseSourceUrl(part)));
    throw new UsageError(
      `${where}: "${redactUrl(urlText)}" is ${parsed.problem}`,
      several
        ? 'Give each URL its own --alertmanager.url; SITREP_ALERTMANAGER_URL takes them comma separated.'
        : undefined,
    );
  }
  const fromFile = (path: string | undefined): HttpSettings | undefined => {
    if (path === undefined) return undefined;
    const settings = inputs.httpConfigs.get(path);
    if (!settings) throw new Error(`http config file ${path} was not read before resolving`);
    return settings;
  };
  const http = mergeHttpSettings(
    fromFile(inputs.file.httpConfigFile),
    fromFile(fileSource?.httpConfigFile),
    fileSource?.http,
    fromFile(inputs.flags.httpConfigFile),
    parsed.basicAuth && {
      auth: {
        kind: 'basic',
        username: parsed.basicAuth.username,
        password: { kind: 'inline', value: parsed.basicAuth.password },
      },
    },
  );
  return {
    kind,
    name: fileSource?.name ?? parsed.name,
    url: parsed.url,
    headers: http.headers ?? {},
    auth: http.auth ?? { kind: 'none' },
    tls: { ...http.tls, insecureSkipVerify: http.tls?.insecureSkipVerify ?? false },
    timeoutMs: flagTimeoutMs ?? fileSource?.timeoutMs ?? inputs.file.timeoutMs ?? defaults.timeoutMs,
    maxResponseBytes:
      fileSource?.maxResponseBytes ?? inputs.file.maxResponseBytes ?? defaults.maxResponseBytes,
    ...(http.oauth2 ? { oauth2: http.oauth2 } : {}),
    ...(http.proxyUrl ? { proxyUrl: http.proxyUrl } : {}),
  };
}

function warningsFor(source: SourceConfig): string[] {
  const warnings: string[] = [];
  const label = `${source.kind} ${source.name}`;
  // Plain http has no certificate to check: the warning would be noise there.
  if (source.tls.insecureSkipVerify && source.url.startsWith('https:')) {
    warnings.push(
      `TLS certificate verification is off for ${label} (insecure_skip_verify): anyone on the path can read and change its answers`,
    );
  }
  const host = new URL(source.url).hostname;
  const loopback = host === 'localhost' || host.startsWith('127.') || host === '[::1]';
  if (source.auth.kind !== 'none' && source.url.startsWith('http:') && !loopback) {
    warnings.push(`${label} is plain http: its credentials travel unencrypted`);
  }
  return warnings;
}
