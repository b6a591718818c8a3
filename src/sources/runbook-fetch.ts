// Runbooks behind a URL (an alert's `runbook_url` annotation): fetched with a timeout and a size
// cap through the shared HTTP client, cached on disk, and read from the cache when the fetch fails.
// Only from hosts the user allowed (core/config/runbook-hosts.ts): an alert's URL is not trusted.
// Also the whole lookup for an alert: library folders, then the URL, then the generic runbook.
import type { LabelSet } from '../core/alerts/alert.js';
import { isAllowedRunbookHost, runbookHostOf } from '../core/config/runbook-hosts.js';
import { errorMessage } from '../core/errors.js';
import { expressionFromGeneratorUrl, genericRunbookText } from '../core/runbook/generic-text.js';
import { chooseRunbook, type LibraryEntry, type MatchedBy } from '../core/runbook/match.js';
import type { Runbook, RunbookSource } from '../core/runbook/runbook.js';
import { readCachedRunbook, writeCachedRunbook } from '../store/runbook-cache.js';
import { loadRunbookParser, type RunbookParser } from '../store/runbook-parse-cache.js';
import { getText } from './http-client.js';

/** Limits for fetching a runbook URL. */
export interface FetchRunbookOptions {
  readonly cacheDir: string;
  /** Default 5 s. */
  readonly timeoutMs?: number;
  /** Default 1 MiB: a runbook is a few kilobytes, anything much bigger is not one. */
  readonly maxBytes?: number;
  readonly signal?: AbortSignal;
  /** http_config `proxy_url` of the sources: runbooks go through the same proxy. */
  readonly proxyUrl?: string | undefined;
}

/** The text of a runbook URL; `cached` when it came from the disk cache because the fetch failed. */
export interface FetchedRunbook {
  readonly text: string;
  readonly cached: boolean;
  /** Why the fetch failed, when the cached copy was used. */
  readonly fetchError: string | undefined;
}

/** Fetches `url` (updating the cache), or falls back to the cached copy. Throws when there is neither. */
export async function fetchRunbook(url: string, options: FetchRunbookOptions): Promise<FetchedRunbook> {
  try {
    const text = await getText(
      {
        kind: 'runbook',
        name: new URL(url).host,
        url,
        timeoutMs: options.timeoutMs ?? 5_000,
        maxResponseBytes: options.maxBytes ?? 1024 * 1024,
        retries: 1,
        ...(options.proxyUrl ? { proxyUrl: options.proxyUrl } : {}),
      },
      '',
      undefined,
      options.signal,
    );
    writeCachedRunbook(options.cacheDir, url, text);
    return { text, cached: false, fetchError: undefined };
  } catch (error) {
    const cached = readCachedRunbook(options.cacheDir, url);
    if (!cached) throw error;
    const reason = errorMessage(error);
    return { text: cached.text, cached: true, fetchError: reason };
  }
}

/** The runbook sitrep opens for an alert, where it came from, and why others were passed over. */
export interface ResolvedRunbook {
  readonly runbook: Runbook;
  /** The markdown it was parsed from (the timeline records a hash of it). */
  readonly text: string;
  readonly source: RunbookSource;
  /** How it was found; `generic` for the built-in runbook. */
  readonly matchedBy: MatchedBy | 'generic';
  /** Skipped options and fallbacks, in words (a URL that failed, a cached copy used, …). */
  readonly notes: readonly string[];
}

/** What resolveRunbook needs. */
export interface ResolveOptions extends FetchRunbookOptions {
  readonly entries: readonly LibraryEntry[];
  readonly allowHttp?: boolean;
  /** Hosts a runbook URL may be fetched from; none when absent (the URL is then only shown). */
  readonly allowedHosts?: readonly string[];
  /** The alert rule's expression, for the generic runbook. */
  readonly expression?: string | undefined;
  /** Replaces fetchRunbook (tests). */
  readonly fetch?: (url: string) => Promise<FetchedRunbook>;
  /** Parses the URL's and the generic runbook's text: parseRunbook (loaded when first needed) unless a cache is given. */
  readonly parse?: RunbookParser | undefined;
}

/** Finds the runbook for an alert: library, then URL (cached), then the built-in generic runbook. */
export async function resolveRunbook(
  alert: {
    readonly name: string;
    readonly labels: LabelSet;
    readonly runbookUrl: string | undefined;
    /** Prometheus's link for the alert, which carries its expression (for the generic runbook). */
    readonly generatorURL?: string | undefined;
  },
  options: ResolveOptions,
): Promise<ResolvedRunbook> {
  const choice = chooseRunbook(alert, options.entries, { allowHttp: options.allowHttp ?? false });
  const parse: RunbookParser =
    options.parse ?? (async (text, parseOptions) => (await loadRunbookParser())(text, parseOptions));
  const notes = [...choice.notes];
  switch (choice.kind) {
    case 'file':
      return {
        runbook: choice.entry.runbook,
        text: choice.entry.text,
        source: { kind: 'file', path: choice.entry.path },
        matchedBy: choice.matchedBy,
        notes,
      };
    case 'url':
      if (!isAllowedRunbookHost(choice.url, options.allowedHosts ?? [])) {
        notes.push(notAllowedNote(choice.url));
        break;
      }
      try {
        const fetched = await (options.fetch ?? ((url: string) => fetchRunbook(url, options)))(choice.url);
        if (fetched.cached)
          notes.push(
            `could not fetch ${choice.url} (${fetched.fetchError ?? 'unknown error'}); showing the copy cached earlier`,
          );
        return {
          runbook: await parse(fetched.text, { fileName: fileNameOf(choice.url) }),
          text: fetched.text,
          source: { kind: 'url', url: choice.url, cached: fetched.cached },
          matchedBy: 'annotation',
          notes,
        };
      } catch (error) {
        notes.push(`could not fetch ${choice.url}: ${errorMessage(error)}`);
      }
      break;
    case 'builtin':
      break;
    default: {
      const unreachable: never = choice;
      return unreachable;
    }
  }
  const expression = options.expression ?? expressionFromGeneratorUrl(alert.generatorURL);
  const generic = { name: alert.name, labels: alert.labels, expression };
  const text = genericRunbookText(generic);
  return {
    // Read by the runbook parser like any other text, through the cache when there is one.
    runbook: await parse(text),
    text,
    source: { kind: 'builtin' },
    matchedBy: 'generic',
    notes,
  };
}

/** Says a runbook URL was not fetched because its host is not allowed, and how to allow it. */
export function notAllowedNote(url: string): string {
  const host = runbookHostOf(url);
  return `the runbook at ${url} was not fetched: ${host} is not an allowed runbook host. To allow it: \`sitrep config set runbooks.allowed_hosts ${host}\` (or --runbooks.allowed-host ${host}, or SITREP_RUNBOOK_ALLOWED_HOSTS=${host})`;
}

function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').at(-1) ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
