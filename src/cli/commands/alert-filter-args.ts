// The filter arguments of `sitrep alerts`, read by the rule the screen's `/` filter uses
// (src/core/inbox/inbox-filter.ts): an argument with an operator is a matcher, a bare word is a
// word to find in the alert's name, label values or summary.
import { MatcherError, parseMatchers, type Matcher } from '../../core/alerts/matchers.js';
import { UsageError } from '../../core/errors.js';
import { appendAll } from '../../core/bounded.js';

/** Matchers (sent to Alertmanager too) and search words (any case matches). */
export interface AlertFilter {
  readonly matchers: readonly Matcher[];
  readonly words: readonly string[];
  /** Nothing given: every alert passes. */
  readonly empty: boolean;
}

/** Splits the arguments into matchers and words. Throws UsageError for a broken matcher. */
export function filterArguments(texts: readonly string[]): AlertFilter {
  const matchers: Matcher[] = [];
  const words: string[] = [];
  for (const text of texts) {
    if (/[=~{}]/.test(text)) appendAll(matchers, parseOrExplain(text));
    else
      appendAll(
        words,
        text.split(/\s+/).filter((w) => w !== ''),
      );
  }
  return { matchers, words, empty: matchers.length === 0 && words.length === 0 };
}

function parseOrExplain(text: string): Matcher[] {
  try {
    return parseMatchers(text);
  } catch (error) {
    if (error instanceof MatcherError) {
      throw new UsageError(
        `alerts: ${error.message}`,
        'Matchers look like severity="critical" or {job=~"web.*",env!="dev"}.',
      );
    }
    throw error;
  }
}

// amtool's subcommand words, which people type after `sitrep alerts` by habit.
const amtoolWords = new Set(['query', 'add', 'list', 'ls', 'show', 'silence', 'expire', 'import', 'get']);

/** Filter words that look like an amtool subcommand (`sitrep alerts query …`). */
export function subcommandLikeWords(filter: AlertFilter): string[] {
  return filter.words.filter((w) => amtoolWords.has(w.toLowerCase()));
}
