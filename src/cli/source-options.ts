// The server flags (the global flags of src/cli/global-flags.ts) resolved with the environment,
// the config file and the defaults into one immutable Config:
//
//   const { config, warnings, unconfigured } = resolveSourceOptions({}, context);
import path from 'node:path';
import type { Config } from '../core/config/config.js';
import type { HttpSettings } from '../core/config/http-config.js';
import type { FileConfig } from '../core/config/config-file.js';
import { httpConfigFiles, resolveConfig } from '../core/config/resolve.js';
import { readFileSettings, readHttpConfigFile } from '../store/config-reader.js';
import type { CommandContext } from './command.js';
import { globalFlagsHelp, globalOptions, type GlobalValues } from './global-flags.js';

/**
 * The global flags' parseArgs options. main() takes these flags out of argv wherever they stand,
 * so a command no longer needs to spread them into its own; spreading them is harmless.
 */
export const sourceOptions = globalOptions;

/** The global flags' part of a command's `--help`. */
export const sourceOptionsHelp = globalFlagsHelp;

/** The parsed values of the source flags. */
export type SourceOptionValues = GlobalValues;

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
 * Resolves the global flags (from `context.globals`, and any the command parsed itself) with the
 * environment, the config file and the defaults. Reads the config file and any http_config files;
 * throws UsageError or ConfigFileError (exit 2) when one is wrong.
 */
export function resolveSourceOptions(own: SourceOptionValues, context: CommandContext): ResolvedSources {
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
  const file = readFileSettings(context.env);
  const httpConfigs = new Map<string, HttpSettings>(
    httpConfigFiles(flags, file).map((p) => [p, readHttpConfigFile(p)]),
  );
  const env = {
    alertmanagerUrls: context.env['SITREP_ALERTMANAGER_URL'],
    prometheusUrl: context.env['SITREP_PROMETHEUS_URL'],
  };
  const { config, warnings } = resolveConfig({ flags, env, file, httpConfigs });
  return { config: deepFreeze(config), warnings, unconfigured: defaultedSources(config, flags, env, file) };
}

function mergeValues(globals: SourceOptionValues, own: SourceOptionValues): SourceOptionValues {
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
