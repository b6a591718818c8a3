// The runbook lookup as the commands and the screen use it: folders from --runbooks.dir,
// SITREP_RUNBOOK_DIRS, the config file's `runbooks.dirs` and the bundled set, URLs cached under
// $XDG_CACHE_HOME/sitrep/runbooks. What it needs to parse (Markdown, and YAML for the config file)
// is loaded only when there is something to parse: resuming an incident whose runbook's parse is
// cached loads neither (runbook-library-open.ts opens the folders for the commands that list them).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabelSet } from '../core/alerts/alert.js';
import { splitHostList } from '../core/config/runbook-hosts.js';
import { resolveRunbook, type ResolvedRunbook } from './runbook-fetch.js';
import { fileSettingsOrNone } from '../store/config-path.js';
import { runbookCacheDir } from '../store/runbook-cache.js';
import { cachedRunbookParser, parsedRunbookDir, type RunbookParser } from '../store/runbook-parse-cache.js';
import { runbookFolders, scanFolders, type RunbookFolder } from '../store/runbook-files.js';
import type * as Library from '../store/runbook-library.js';

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
  const settings = await fileSettingsOrNone(context.env);
  const folders = runbookFolders({
    env: context.env,
    cwd: context.cwd,
    flagDirs: options.flagDirs ?? [],
    configDirs: settings.runbookDirs ?? [],
  });
  const library = await libraryFor(folders, mayServeAlert(alert));
  const resolved = await resolveRunbook(alert, {
    entries: library.entries,
    cacheDir: runbookCacheDir(context.env),
    allowHttp: options.allowHttp ?? false,
    allowedHosts: [
      ...(options.allowedHosts ?? []),
      ...splitHostList(context.env['SITREP_RUNBOOK_ALLOWED_HOSTS']),
      ...(settings.runbookAllowedHosts ?? []),
    ],
    expression: options.expression,
    proxyUrl: options.proxyUrl,
    parse: options.parseCache ? parserFor(context) : undefined,
  });
  return { ...resolved, notes: [...library.warnings, ...resolved.notes] };
}

// The library module, once a lookup has loaded it: from then on it answers every lookup, as its
// parsed files (kept while unchanged) may serve any alert.
let library: typeof Library | undefined;

/**
 * The runbooks of `folders` that may serve the alert, parsed: loadLibrary, loaded with the parser
 * when a file is wanted; without one (the usual case for an alert with no runbook of its own),
 * no entries and the same warnings, and nothing loaded.
 */
async function libraryFor(
  folders: readonly RunbookFolder[],
  mayServe: ((relativePath: string, text: string) => boolean) | undefined,
): Promise<Pick<Library.RunbookLibrary, 'entries' | 'warnings'>> {
  if (library === undefined && mayServe !== undefined) {
    const scan = scanFolders(folders, mayServe);
    if (!scan.wanted) return { entries: [], warnings: scan.warnings };
  }
  library ??= await import('../store/runbook-library.js');
  return library.loadLibrary(folders, mayServe);
}
