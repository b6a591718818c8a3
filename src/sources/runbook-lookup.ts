// The runbook folders and the runbook lookup as the commands and the screen use them: folders
// from --runbooks.dir, SITREP_RUNBOOK_DIRS, the config file's `runbooks.dirs` and the bundled set,
// URLs cached under $XDG_CACHE_HOME/sitrep/runbooks.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabelSet } from '../core/alerts/alert.js';
import { splitHostList } from '../core/config/runbook-hosts.js';
import { resolveRunbook, type ResolvedRunbook } from './runbook-fetch.js';
import { runbookCacheDir } from '../store/runbook-cache.js';
import { cachedRunbookParser, parsedRunbookDir, type RunbookParser } from '../store/runbook-parse-cache.js';
import { loadLibrary, runbookFolders, type RunbookLibrary } from '../store/runbook-library.js';
import { readFileSettings } from '../store/config-reader.js';

/** Where a lookup runs: its environment (XDG dirs, SITREP_RUNBOOK_DIRS) and working folder. */
export interface LookupPlace {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** Options a command may add to the lookup. */
export interface LookupOptions {
  /** --runbooks.dir values: searched before every other folder. */
  readonly flagDirs?: readonly string[];
  /** Fetch plain-http runbook URLs (--allow-http). */
  readonly allowHttp?: boolean;
  /** --runbooks.allowed-host values, added to the config file's and SITREP_RUNBOOK_ALLOWED_HOSTS. */
  readonly allowedHosts?: readonly string[];
  /** The alert rule's expression, for the generic runbook. */
  readonly expression?: string | undefined;
  /** Fetch runbook URLs through this proxy (the sources' http_config `proxy_url`). */
  readonly proxyUrl?: string | undefined;
  /** Keep parsed runbooks under $XDG_CACHE_HOME (the screen, which opens the same ones again). */
  readonly parseCache?: boolean;
}

/**
 * The cached parser, keyed to this build of sitrep (its bundle file's size and time); run from
 * source (tests, development) there is no build to key it to, so every text is parsed.
 */
function parserFor(context: LookupPlace): RunbookParser | undefined {
  const file = fileURLToPath(import.meta.url);
  if (!file.endsWith('.js')) return undefined;
  try {
    const { size, mtimeMs } = fs.statSync(file);
    return cachedRunbookParser(parsedRunbookDir(context.env), `${path.basename(file)}:${size}:${mtimeMs}`);
  } catch {
    return undefined;
  }
}

/** The runbook folders of this environment, parsed (only those `mayServe` allows, when given). */
export function openRunbookLibrary(
  context: LookupPlace,
  flagDirs: readonly string[] = [],
  mayServe?: (relativePath: string, text: string) => boolean,
): RunbookLibrary {
  return loadLibrary(
    runbookFolders({ env: context.env, cwd: context.cwd, flagDirs, configDirs: configuredDirs(context) }),
    mayServe,
  );
}

/**
 * Whether a runbook file can serve this alert at all: a runbook names its alert in its text (front
 * matter, pasted rule, heading) or in its file name, and an annotation may point at its path. A
 * file that does neither is not worth parsing.
 */
function mayServeAlert(alert: { readonly name: string; readonly runbookUrl: string | undefined }) {
  // An annotation that is a path (no scheme) may name any file: then every file is a candidate.
  const annotationPath = alert.runbookUrl !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(alert.runbookUrl);
  if (annotationPath || alert.name === '') return undefined;
  return (relativePath: string, text: string) =>
    relativePath.includes(alert.name) || text.includes(alert.name);
}

/** The runbook for an alert (library, URL, or generic), with the library's warnings among its notes. */
export async function lookUpRunbook(
  alert: {
    readonly name: string;
    readonly labels: LabelSet;
    readonly runbookUrl: string | undefined;
    readonly generatorURL?: string | undefined;
  },
  context: LookupPlace,
  options: LookupOptions = {},
): Promise<ResolvedRunbook> {
  const library = openRunbookLibrary(context, options.flagDirs, mayServeAlert(alert));
  const resolved = await resolveRunbook(alert, {
    entries: library.entries,
    cacheDir: runbookCacheDir(context.env),
    allowHttp: options.allowHttp ?? false,
    allowedHosts: allowedRunbookHosts(context, options.allowedHosts ?? []),
    expression: options.expression,
    proxyUrl: options.proxyUrl,
    parse: options.parseCache ? parserFor(context) : undefined,
  });
  return { ...resolved, notes: [...library.warnings, ...resolved.notes] };
}

/**
 * The hosts remote runbooks may come from: the flag's, SITREP_RUNBOOK_ALLOWED_HOSTS (comma
 * separated) and the config file's `runbooks.allowed_hosts`, together.
 */
export function allowedRunbookHosts(context: LookupPlace, flagHosts: readonly string[] = []): string[] {
  let fromFile: readonly string[] = [];
  try {
    fromFile = readFileSettings(context.env).runbookAllowedHosts ?? [];
  } catch {
    // reported by the commands that need the file
  }
  return [...flagHosts, ...splitHostList(context.env['SITREP_RUNBOOK_ALLOWED_HOSTS']), ...fromFile];
}

// `runbooks.dirs` in the config file (checked, relative folders already resolved against the file).
// A config file that can not be read is reported by the commands that need it; the runbook folders
// then come from flags and the environment only.
function configuredDirs(context: LookupPlace): readonly string[] {
  try {
    return readFileSettings(context.env).runbookDirs ?? [];
  } catch {
    return [];
  }
}
