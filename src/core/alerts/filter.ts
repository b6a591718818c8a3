// The one filter of alerts, for `sitrep alerts FILTER...` and the inbox's `/`: text is split at
// spaces (outside quotes and braces) into parts; a part with an operator (=, !=, =~, !~) or braces
// is an Alertmanager matcher (`severity=critical`, `instance=~"web.*"`, `{job!="node",env="prod"}`),
// and every matcher must hold; any other part is a bare word, which must appear, in any case, in the
// alert's name, one of its label values or its summary. So `severity=critical web` is the critical
// alerts that mention "web". (amtool reads a bare word as an alertname; a search is what people
// mean when they type one into a list, and `alertname=X` still says exactly that.)
import { appendAll } from '../bounded.js';
import type { Alert } from './alert.js';
import { formatMatcher, MatcherError, matchesAll, parseMatchers, type Matcher } from './matchers.js';

/** A parsed filter: matchers that must all hold, and words that must all appear. */
export interface AlertFilter {
  readonly matchers: readonly Matcher[];
  /** Lower-cased. */
  readonly words: readonly string[];
  /** Nothing given: every alert passes. */
  readonly empty: boolean;
}

/** The filter that lets every alert through. */
export const noFilter: AlertFilter = { matchers: [], words: [], empty: true };

/**
 * Splits filter text into its parts at whitespace, keeping a quoted value (`"web 1"`, with `\"`
 * escapes) and a braced list (`{a="b", c="d"}`) whole. An unterminated quote or brace runs to the
 * end, so the matcher parser can say what is missing.
 */
export function filterParts(text: string): string[] {
  const parts: string[] = [];
  let part = '';
  let quoted = false;
  let braces = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (quoted) {
      part += char;
      if (char === '\\' && i + 1 < text.length) {
        part += text[i + 1] ?? '';
        i += 1;
      } else if (char === '"') quoted = false;
      continue;
    }
    if (/\s/.test(char) && braces === 0) {
      if (part !== '') parts.push(part);
      part = '';
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === '{') braces += 1;
    else if (char === '}') braces = Math.max(0, braces - 1);
    part += char;
  }
  if (part !== '') parts.push(part);
  return parts;
}

/** True for a part read as a matcher rather than a word. */
function isMatcherPart(part: string): boolean {
  return /[=~{}]/.test(part);
}

/** A filter read leniently: the parts that parse, and what is wrong with each one that does not. */
export interface FilterReading {
  readonly filter: AlertFilter;
  /** The parts applied, as typed, joined by spaces. */
  readonly applied: string;
  readonly problems: readonly MatcherError[];
}

/**
 * Reads filter texts (the CLI's arguments, or the inbox's one line), each split by filterParts.
 * A part that does not parse is left out and its problem listed: the screen filters by the rest
 * while a matcher is half typed; the CLI refuses (parseFilter).
 */
export function readFilter(texts: string | readonly string[]): FilterReading {
  const matchers: Matcher[] = [];
  const words: string[] = [];
  const applied: string[] = [];
  const problems: MatcherError[] = [];
  for (const text of typeof texts === 'string' ? [texts] : texts) {
    for (const part of filterParts(text)) {
      if (!isMatcherPart(part)) {
        words.push(part.toLowerCase());
        applied.push(part);
        continue;
      }
      try {
        appendAll(matchers, parseMatchers(part));
        applied.push(part);
      } catch (error) {
        if (!(error instanceof MatcherError)) throw error;
        problems.push(error);
      }
    }
  }
  const filter = { matchers, words, empty: matchers.length === 0 && words.length === 0 };
  return { filter, applied: applied.join(' '), problems };
}

/** Parses filter texts as readFilter does. Throws the first MatcherError, which says what is wrong. */
export function parseFilter(texts: string | readonly string[]): AlertFilter {
  const { filter, problems } = readFilter(texts);
  const [problem] = problems;
  if (problem) throw problem;
  return filter;
}

/** True when the alert passes the filter (which reads its name, labels and summary only). */
export function passesFilter(
  filter: AlertFilter,
  alert: Pick<Alert, 'name' | 'labels' | 'annotations'>,
): boolean {
  if (!matchesAll(filter.matchers, alert.labels)) return false;
  if (filter.words.length === 0) return true;
  const haystack = [alert.name, ...Object.values(alert.labels), alert.annotations['summary'] ?? '']
    .join('\n')
    .toLowerCase();
  return filter.words.every((word) => haystack.includes(word));
}

/**
 * True when every alert `next` lets through, `previous` lets through too: `next` keeps all of
 * `previous`'s matchers and each of its words is part of one of `next`'s words ("http" of "httpd").
 * Then a list filtered by `previous` can be narrowed by `next` instead of filtering every alert
 * again, as a filter being typed does with each key.
 */
export function filterNarrows(previous: AlertFilter, next: AlertFilter): boolean {
  const kept = new Set(next.matchers.map(formatMatcher));
  return (
    previous.matchers.every((m) => kept.has(formatMatcher(m))) &&
    previous.words.every((word) => next.words.some((longer) => longer.includes(word)))
  );
}
