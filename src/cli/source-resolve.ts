// The server flags resolved with the environment, the config file and the defaults into one
// immutable Config, given how to read the files (src/cli/source-options.ts reads them with the
// YAML reader). resolveSourceOptionsQuickly is for `sitrep alerts`, which sends its request as
// soon as it can: it loads the YAML reader only when there is a file to read.
import path from 'node:path';
import type { Config } from '../core/config/config.js';
import { readFileConfig, type FileConfig } from '../core/config/config-file.js';
import type { HttpSettings } from '../core/config/http-config.js';
import { httpConfigFiles, resolveConfig } from '../core/config/resolve.js';
import { configReaderWhenNeeded } from '../store/config-path.js';
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

/** How to read the config file and http_config files (both throw ConfigFileError). */
export interface ConfigReaders {
  readFileSettings(env: Readonly<Record<string, string | undefined>>): FileConfig;
  readHttpConfigFile(file: string): HttpSettings;
}

/** Resolves the global flags and the command's own with the environment, the files and the defaults. */
export function resolveSourcesWith(
  own: GlobalValues,
  context: CommandContext,
  readers: ConfigReaders,
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
  const file = readers.readFileSettings(context.env);
  const httpConfigs = new Map<string, HttpSettings>(
    httpConfigFiles(flags, file).map((p) => [p, readers.readHttpConfigFile(p)]),
  );
  const env = {
    alertmanagerUrls: context.env['SITREP_ALERTMANAGER_URL'],
    prometheusUrl: context.env['SITREP_PROMETHEUS_URL'],
  };
  const { config, warnings } = resolveConfig({ flags, env, file, httpConfigs });
  return { config: deepFreeze(config), warnings, unconfigured: defaultedSources(config, flags, env, file) };
}

/**
 * resolveSourceOptions (src/cli/source-options.ts), with the YAML reader loaded only when a file
 * must be read: the config file exists, or `--http.config.file` names one. Without either, the
 * file settings are those of a missing file, as the reader gives them.
 */
export async function resolveSourceOptionsQuickly(
  own: GlobalValues,
  context: CommandContext,
): Promise<ResolvedSources> {
  const values = mergeValues(context.globals ?? {}, own);
  const reader = await configReaderWhenNeeded(context.env, values['http.config.file'] !== undefined);
  return resolveSourcesWith(own, context, reader ?? noFiles);
}

const noFiles: ConfigReaders = {
  readFileSettings: () => readFileConfig({}, (p) => p),
  // Only a file named by the flag or in the config file is read, and there is neither.
  readHttpConfigFile: (file) => {
    throw new Error(`no http_config file is read without a config file or flag (${file})`);
  },
};

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

/** Prints resolution warnings (TLS verification off, credentials over http) on stderr. */
export function printWarnings(warnings: readonly string[], context: CommandContext): void {
  for (const warning of warnings) context.stderr.write(`sitrep: warning: ${warning}\n`);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
