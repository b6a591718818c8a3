// The flags every sitrep command takes, defined once, and accepted before or after the command
// (as amtool and kubectl take theirs), so an alias such as `alias sr='sitrep --alertmanager.url=…'`
// works with every command:
//
//   sitrep --alertmanager.url=http://am:9093 alerts      sitrep alerts --alertmanager.url http://am:9093
import path from 'node:path';
import type { CommandContext } from './command.js';
import { parseCommandArgs } from './parse-args.js';
import { appendAll } from '../core/bounded.js';

/** parseArgs options of the global flags: the one definition. */
export const globalOptions = {
  'alertmanager.url': { type: 'string', multiple: true },
  'prometheus.url': { type: 'string' },
  'config.file': { type: 'string' },
  timeout: { type: 'string' },
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  'http.config.file': { type: 'string' },
  'probe.interval': { type: 'string' },
} as const;

/** A global flag's name, as written after `--`. */
export type GlobalFlag = keyof typeof globalOptions;

/** The parsed values of the global flags (absent ones undefined). */
export interface GlobalValues {
  readonly 'alertmanager.url'?: readonly string[] | undefined;
  readonly 'prometheus.url'?: string | undefined;
  readonly 'config.file'?: string | undefined;
  readonly timeout?: string | undefined;
  readonly output?: string | undefined;
  readonly json?: boolean | undefined;
  readonly 'http.config.file'?: string | undefined;
  readonly 'probe.interval'?: string | undefined;
}

/** The environment variables sitrep reads, for `--help` and the README. */
export const environmentHelp = `Environment:
  SITREP_ALERTMANAGER_URL  Alertmanager URL(s), comma separated (like --alertmanager.url)
  SITREP_PROMETHEUS_URL    Prometheus URL (like --prometheus.url; empty switches it off)
  SITREP_CONFIG_FILE       the config file (like --config.file)
  SITREP_RUNBOOK_DIRS      runbook folders searched first, separated by ':'
  SITREP_RUNBOOK_ALLOWED_HOSTS  hosts remote runbooks may be fetched from, comma separated
  SITREP_AUTHOR            the name on notes and actions (else $USER, $LOGNAME, the OS user)
  XDG_CONFIG_HOME          config folder (default ~/.config); the file is sitrep/config.yml
  XDG_DATA_HOME            incident journals go in sitrep/incidents here (default ~/.local/share)
  XDG_CACHE_HOME           fetched runbooks are cached in sitrep/ here (default ~/.cache)
  NO_COLOR                 no colours on the screen
sitrep reads SITREP_-prefixed names only: an ALERTMANAGER_URL or PROMETHEUS_URL exported for another
tool never redirects it silently.`;

/** The global flags, one per line, for `--help`. */
export const globalFlagLines = `  --alertmanager.url URL   an Alertmanager (repeat for an HA cluster or several regions)
                           default http://localhost:9093
  --prometheus.url URL     Prometheus, Thanos Query, Mimir (with its /prometheus prefix) or
                           VictoriaMetrics; default http://localhost:9090; empty for none
  --config.file FILE       the config file (default $XDG_CONFIG_HOME/sitrep/config.yml)
  --timeout DURATION       per request, e.g. 10s, 1m30s, 500ms (default 5s)
  -o, --output FORMAT      simple, extended, wide (= extended) or json (default simple)
  --json                   the same as -o json
  --http.config.file FILE  auth, TLS and proxy in Prometheus's http_config YAML (authorization,
                           basic_auth, oauth2, proxy_url, tls_config)
  --probe.interval DURATION  how often the screen re-runs the focused step's probes (default 15s)`;

/** How the global flags combine with the rest, for `--help`. */
export const precedenceHelp = `Precedence: flags > environment > config file > defaults. A default source that does not answer
is a note; one you configured that fails makes the command exit 1.`;

/** The global flags' part of a command's `--help`. */
export const globalFlagsHelp = `Global flags (before or after the command; also settable in the config file):
${globalFlagLines}
${precedenceHelp}`;

const byLong = new Map<string, GlobalFlag>(Object.keys(globalOptions).map((k) => [k, k as GlobalFlag]));
const byShort = new Map<string, GlobalFlag>(
  Object.entries(globalOptions).flatMap(([name, o]) =>
    'short' in o ? [[o.short, name as GlobalFlag] as const] : [],
  ),
);

/** The global flag a token names (`--timeout=5s`, `--json`, `-o`, `-ojson`), if it names one. */
function globalFlagOf(token: string): { flag: GlobalFlag; inlineValue: boolean } | undefined {
  if (token.startsWith('--')) {
    const eq = token.indexOf('=');
    const flag = byLong.get(eq === -1 ? token.slice(2) : token.slice(2, eq));
    return flag && { flag, inlineValue: eq !== -1 };
  }
  if (/^-[A-Za-z]/.test(token)) {
    const flag = byShort.get(token.slice(1, 2));
    return flag && { flag, inlineValue: token.length > 2 };
  }
  return undefined;
}

/**
 * Splits argv into the global flags (wherever they are, up to a `--`) and the rest, in order.
 * `shadowed` names global flags the command defines itself (`export -o FILE`): those stay with it.
 */
export function splitGlobalFlags(
  args: readonly string[],
  shadowed: readonly string[] = [],
): { globals: string[]; rest: string[] } {
  const globals: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const token = args[i] as string;
    if (token === '--') {
      appendAll(rest, args.slice(i));
      break;
    }
    const found = globalFlagOf(token);
    if (!found || shadowed.includes(found.flag)) {
      rest.push(token);
      continue;
    }
    globals.push(token);
    const takesValue = globalOptions[found.flag].type === 'string';
    if (takesValue && !found.inlineValue && i + 1 < args.length) {
      globals.push(args[i + 1] as string);
      i += 1;
    }
  }
  return { globals, rest };
}

/** Flags of `sitrep` with no command that take a value, so the command word can be found. */
const interactiveValueFlags = ['--alert'];

/** Index of the command word: the first argument that is neither a flag nor a flag's value. */
export function commandIndex(args: readonly string[]): number {
  for (let i = 0; i < args.length; i += 1) {
    const token = args[i] as string;
    if (token === '--') return -1;
    if (!token.startsWith('-') || token === '-') return i;
    const found = globalFlagOf(token);
    const takesValue = found
      ? globalOptions[found.flag].type === 'string' && !found.inlineValue
      : interactiveValueFlags.includes(token);
    if (takesValue) i += 1;
  }
  return -1;
}

/** Parses the global flags split off by splitGlobalFlags. Throws UsageError (exit 2). */
export function parseGlobalFlags(globals: readonly string[], command: string): GlobalValues {
  return parseCommandArgs(command, globals, globalOptions, false).values;
}

/** The environment with `--config.file` applied, so every reader of the config file follows it. */
export function withConfigFile(
  env: Readonly<Record<string, string | undefined>>,
  values: GlobalValues,
  cwd: string,
): Readonly<Record<string, string | undefined>> {
  const file = values['config.file'];
  if (file === undefined) return env;
  return { ...env, SITREP_CONFIG_FILE: path.resolve(cwd, file) };
}

/** True when `--json` or `-o json` was given, to the command or globally. */
export function wantsJson(own: { readonly json?: boolean | undefined }, context: CommandContext): boolean {
  const globals = context.globals ?? {};
  return own.json === true || globals.json === true || globals.output === 'json';
}
