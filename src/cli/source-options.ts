// The flags every command that talks to servers takes, in amtool's spelling, and their
// resolution with the environment, the config file and the defaults into one immutable Config.
//
//   const { values } = parseCommandArgs('alerts', args, { ...sourceOptions, ...own });
//   const { config, warnings } = resolveSourceOptions(values, context);
import path from 'node:path';
import type { Config } from '../core/config/config.js';
import type { HttpSettings } from '../core/config/http-config.js';
import { httpConfigFiles, resolveConfig } from '../core/config/resolve.js';
import { readFileSettings, readHttpConfigFile } from '../store/config-reader.js';
import type { CommandContext } from './command.js';
import { parseCommandArgs } from './parse-args.js';

/** parseArgs options for the shared source flags; spread them into a command's own. */
export const sourceOptions = {
  'alertmanager.url': { type: 'string', multiple: true },
  'prometheus.url': { type: 'string' },
  timeout: { type: 'string' },
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  'http.config.file': { type: 'string' },
  'probe.interval': { type: 'string' },
} as const;

/** The flags' part of a command's `--help`. */
export const sourceOptionsHelp = `Server flags (also settable in the config file; see \`sitrep config --help\`):
  --alertmanager.url URL   an Alertmanager (repeat for an HA cluster or several regions)
                           env SITREP_ALERTMANAGER_URL (comma separated); default http://localhost:9093
  --prometheus.url URL     Prometheus, Thanos Query, Mimir (with its /prometheus prefix) or VictoriaMetrics
                           env SITREP_PROMETHEUS_URL; default http://localhost:9090; "" switches it off
  --timeout DURATION       per request, e.g. 10s, 1m30s, 500ms (default 5s)
  -o, --output FORMAT      simple, extended or json (default simple)
  --json                   the same as --output json
  --http.config.file FILE  auth and TLS in Prometheus's http_config YAML (authorization, basic_auth,
                           tls_config: ca_file, cert_file, key_file, insecure_skip_verify)
  --probe.interval DURATION  how often the screen re-runs the focused step's probes (default 15s)
Precedence: flags > environment > config file > defaults.`;

/** The parsed values of the source flags. */
export interface SourceOptionValues {
  readonly 'alertmanager.url'?: readonly string[] | undefined;
  readonly 'prometheus.url'?: string | undefined;
  readonly timeout?: string | undefined;
  readonly output?: string | undefined;
  readonly json?: boolean | undefined;
  readonly 'http.config.file'?: string | undefined;
  readonly 'probe.interval'?: string | undefined;
}

/** A resolved Config, and warnings the command should print on stderr. */
export interface ResolvedSources {
  readonly config: Config;
  readonly warnings: readonly string[];
}

/**
 * Resolves the flags with the environment, the config file and the defaults. Reads the config
 * file and any http_config files; throws UsageError or ConfigFileError (exit 2) when one is wrong.
 */
export function resolveSourceOptions(values: SourceOptionValues, context: CommandContext): ResolvedSources {
  const httpFlag = values['http.config.file'];
  const flags = {
    alertmanagerUrls: values['alertmanager.url'] ?? [],
    prometheusUrl: values['prometheus.url'],
    timeout: values.timeout,
    output: values.output,
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
  return { config: deepFreeze(config), warnings };
}

/** Parses only the source flags (for `sitrep` with no command) and resolves them. */
export function loadSourceConfig(args: readonly string[], context: CommandContext): ResolvedSources {
  const { values } = parseCommandArgs('', args, sourceOptions, false);
  return resolveSourceOptions(values, context);
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
