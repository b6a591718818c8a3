// Which runbook serves an alert. In order, user folders before the bundled one at each of the first
// two steps: a runbook whose front matter (or pasted rule) names the alert and whose matchers fit
// its labels, the most specific first; a file named <alertname>.md (or titled `# <alertname>`); then the alert's `runbook_url`
// or `runbook` annotation (a path inside the runbook folders, or an https URL to fetch); and last the
// built-in generic runbook. Pure: the folders are read and the URL fetched elsewhere.
import type { LabelSet } from '../alerts/alert.js';
import type { Runbook } from './runbook.js';

/** A runbook file from one of the runbook folders, already parsed. */
export interface LibraryEntry {
  /** Where it is on disk, as it should be shown. */
  readonly path: string;
  /** Its path inside its folder with `/` separators, e.g. `haproxy/HaproxyDown.md`. */
  readonly relativePath: string;
  /** User folders win over the runbooks bundled with sitrep. */
  readonly tier: 'user' | 'bundled';
  readonly runbook: Runbook;
  /** The file's text as read. */
  readonly text: string;
}

/** What the choice needs to know about the alert. */
export interface AlertToServe {
  readonly name: string;
  readonly labels: LabelSet;
  /** The `runbook_url` (else `runbook`) annotation. */
  readonly runbookUrl: string | undefined;
}

/** How the runbook was found; recorded with the source. */
export type MatchedBy = 'front-matter' | 'file-name' | 'annotation';

/** The chosen runbook, the URL to fetch it from, or the built-in one. `notes` explain skipped options. */
export type RunbookChoice =
  | {
      readonly kind: 'file';
      readonly entry: LibraryEntry;
      readonly matchedBy: MatchedBy;
      readonly notes: readonly string[];
    }
  | { readonly kind: 'url'; readonly url: string; readonly notes: readonly string[] }
  | { readonly kind: 'builtin'; readonly notes: readonly string[] };

/** Options for chooseRunbook. */
export interface ChooseOptions {
  /** Fetch plain-http runbook URLs too (off by default: the text could be changed on the way). */
  readonly allowHttp?: boolean;
}

/** Chooses the runbook for an alert from the library entries (in folder order). */
export function chooseRunbook(
  alert: AlertToServe,
  entries: readonly LibraryEntry[],
  options: ChooseOptions = {},
): RunbookChoice {
  const notes: string[] = [];
  for (const tier of ['user', 'bundled'] as const) {
    const inTier = entries.filter((entry) => entry.tier === tier);
    const named = mostSpecific(inTier.filter((entry) => namesAlert(entry.runbook, alert)));
    if (named) return { kind: 'file', entry: named, matchedBy: 'front-matter', notes };
    const byFile = inTier.find((entry) => fileNamed(entry, alert.name) && fits(entry.runbook, alert.labels));
    if (byFile) return { kind: 'file', entry: byFile, matchedBy: 'file-name', notes };
  }
  const annotation = alert.runbookUrl?.trim();
  if (annotation) {
    const target = annotationTarget(annotation, entries, options, notes);
    if (target) return { ...target, notes };
  }
  return { kind: 'builtin', notes };
}

/**
 * True when some entry could serve the alert by name: its front matter (or pasted rule) names it,
 * whatever its matchers say (lint does not know the labels an alert will have), or its file is
 * named <alertname>.md.
 */
export function hasRunbookNamed(alertname: string, entries: readonly LibraryEntry[]): boolean {
  return entries.some(
    (entry) =>
      ((entry.runbook.alertsFrom === 'front-matter' || entry.runbook.alertsFrom === 'rule') &&
        entry.runbook.alerts.includes(alertname)) ||
      fileNamed(entry, alertname),
  );
}

/** True when the runbook names the alert itself (front matter or pasted rule) and its matchers fit. */
export function namesAlert(runbook: Runbook, alert: Pick<AlertToServe, 'name' | 'labels'>): boolean {
  const explicit = runbook.alertsFrom === 'front-matter' || runbook.alertsFrom === 'rule';
  return explicit && runbook.alerts.includes(alert.name) && fits(runbook, alert.labels);
}

function fits(runbook: Runbook, labels: LabelSet): boolean {
  return Object.entries(runbook.matchers).every(([name, value]) => labels[name] === value);
}

// More matchers means a narrower runbook; among equals the earlier folder (and file) wins.
function mostSpecific(entries: readonly LibraryEntry[]): LibraryEntry | undefined {
  let best: LibraryEntry | undefined;
  for (const entry of entries) {
    if (!best || Object.keys(entry.runbook.matchers).length > Object.keys(best.runbook.matchers).length)
      best = entry;
  }
  return best;
}

// Named after the alert: the file (`HaproxyDown.md`), or its title heading (`# HaproxyDown`) when
// nothing more explicit names an alert.
function fileNamed(entry: LibraryEntry, alertname: string): boolean {
  const base = entry.relativePath.split('/').at(-1) ?? '';
  if (base.replace(/\.(md|markdown)$/i, '') === alertname && base !== alertname) return true;
  return entry.runbook.alertsFrom === 'heading' && entry.runbook.alerts.includes(alertname);
}

/**
 * What a `runbook_url`/`runbook` annotation points at: a file of the library (a relative path), a URL
 * to fetch, or nothing usable (with the reason added to `notes`).
 */
export function annotationTarget(
  annotation: string,
  entries: readonly LibraryEntry[],
  options: ChooseOptions,
  notes: string[] = [],
):
  | Omit<Extract<RunbookChoice, { kind: 'file' }>, 'notes'>
  | Omit<Extract<RunbookChoice, { kind: 'url' }>, 'notes'>
  | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(annotation)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    const wanted = annotation.replace(/^\.?\/+/, '').replace(/^\.\//, '');
    const entry =
      entries.find((candidate) => candidate.relativePath === wanted) ??
      entries.find((candidate) => candidate.relativePath.endsWith(`/${wanted}`));
    if (entry) return { kind: 'file', entry, matchedBy: 'annotation' };
    notes.push(`the runbook annotation "${annotation}" names no file in the runbook folders`);
    return undefined;
  }
  if (scheme === 'https' || (scheme === 'http' && options.allowHttp))
    return { kind: 'url', url: githubRaw(annotation) };
  notes.push(
    scheme === 'http'
      ? `the runbook URL ${annotation} is plain http, which sitrep does not fetch unless allowed`
      : `the runbook URL ${annotation} is not an https URL`,
  );
  return undefined;
}

/**
 * A GitHub page URL for a file (`https://github.com/o/r/blob/main/x.md`) as the URL of the file
 * itself (`https://raw.githubusercontent.com/o/r/main/x.md`); any other URL unchanged.
 */
export function githubRaw(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.hostname !== 'github.com' && parsed.hostname !== 'www.github.com') return url;
  const parts = parsed.pathname.split('/');
  // ['', owner, repo, 'blob', ref, ...path]
  if (parts.length < 6 || parts[3] !== 'blob') return url;
  const [, owner, repo, , ...rest] = parts;
  return `https://raw.githubusercontent.com/${owner}/${repo}/${rest.join('/')}`;
}
