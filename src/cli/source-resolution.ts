// How the server flags, the environment, the config file and the defaults resolve into one
// immutable Config (src/cli/source-options.ts reads the files and calls this), and the same for a
// command that may not need the YAML reader at all: without a config file and an http config file
// to parse, resolveSourceOptionsLazily never loads it (a quarter of a megabyte, 12 ms of a run).
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config/config.js';
import type { FileConfig } from '../core/config/config-file.js';
import type { HttpSettings } from '../core/config/http-config.js';
import { httpConfigFiles, resolveConfig } from '../core/config/resolve.js';
import { checkConfigDocument, configFilePath } from '../store/config-path.js';
import type { CommandContext } from './command.js';
import type { GlobalValues } from './global-flags.js';

/** A resolved Config, and warnings the command should print on stderr. */
export interface ResolvedSources {
  readonly config: Config;
  readonly warnings: readonly string[];
  /**
   * URLs of sources nobody configured (the built-in localhost defaults): one that does not answer
   * is a note, not a failure.
   */
  readonly unconfigured: ReadonlySet<string>;
}

/**
 * resolveSourceOptions (same values, same errors), loading the YAML reader only when there is a
 * config file or an http config file to read.
 */
export async function resolveSourceOptionsLazily(
  own: GlobalValues,
  context: CommandContext,
): Promise<ResolvedSources> {
  const file = configFilePath(context.env);
  const values = mergeValues(context.globals ?? {}, own);
  if (fs.existsSync(file) || values['http.config.file'] !== undefined) {
    const { resolveSourceOptions } = await import('./source-options.js');
    return resolveSourceOptions(own, context);
  }
  return resolveSourcesWith(own, context, checkConfigDocument(file, {}), (p) => {
    throw new Error(`resolveSourceOptionsLazily: an http config file (${p}) was not expected`);
  });
}

/**
 * Resolves the global flags (from `context.globals`, and any the command parsed itself) with the
 * environment, the config file's settings and the defaults; `readHttpConfig` reads any http_config
 * files. Throws UsageError or ConfigFileError (exit 2) when one is wrong.
 */
export function resolveSourcesWith(
  own: GlobalValues,
  context: CommandContext,
  file: FileConfig,
  readHttpConfig: (file: string) => HttpSettings,
): ResolvedSources {
  const values = mergeValues(context.globals ?? {}, own);
  const httpFlag = values['http.config.file'];
  const flags = {
    alertmanagerUrls: values['alertmanager.url'] ?? [],
    prometheusUrl: values['prometheus.url'],
    timeout: values.timeout,
    // amtool's `-o wide` is sitrep's extended table.
    output: values.output === 'wide' ? 'extended' : values.output,
    json: values.json === true,
    httpConfigFile: httpFlag === undefined ? undefined : path.resolve(context.cwd, httpFlag),
    probeInterval: values['probe.interval'],
  };
  const httpConfigs = new Map<string, HttpSettings>(
    httpConfigFiles(flags, file).map((p) => [p, readHttpConfig(p)]),
  );
  const env = {
    alertmanagerUrls: context.env['SITREP_ALERTMANAGER_URL'],
    prometheusUrl: context.env['SITREP_PROMETHEUS_URL'],
  };
  const { config, warnings } = resolveConfig({ flags, env, file, httpConfigs });
  return { config: deepFreeze(config), warnings, unconfigured: defaultedSources(config, flags, env, file) };
}

function mergeValues(globals: GlobalValues, own: GlobalValues): GlobalValues {
  const urls = [...(globals['alertmanager.url'] ?? []), ...(own['alertmanager.url'] ?? [])];
  const merged: Record<string, unknown> = { ...globals };
  for (const [key, value] of Object.entries(own)) if (value !== undefined) merged[key] = value;
  if (urls.length > 0) merged['alertmanager.url'] = urls;
  return merged;
}

function defaultedSources(
  config: Config,
  flags: { alertmanagerUrls: readonly string[]; prometheusUrl: string | undefined },
  env: { alertmanagerUrls: string | undefined; prometheusUrl: string | undefined },
  file: FileConfig,
): Set<string> {
  const unconfigured = new Set<string>();
  const amGiven =
    flags.alertmanagerUrls.length > 0 ||
    (env.alertmanagerUrls ?? '').trim() !== '' ||
    (file.alertmanager?.length ?? 0) > 0;
  if (!amGiven) for (const source of config.alertmanagers) unconfigured.add(source.url);
  const promGiven =
    flags.prometheusUrl !== undefined ||
    (env.prometheusUrl ?? '').trim() !== '' ||
    file.prometheus !== undefined;
  if (!promGiven && config.prometheus) unconfigured.add(config.prometheus.url);
  return unconfigured;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
