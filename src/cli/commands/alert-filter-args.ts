// The filter arguments of `sitrep alerts`, read by the one filter parser the screen's `/` filter
// uses too (src/core/alerts/filter.ts); a broken matcher is a usage error that says what is wrong.
import { parseFilter, type AlertFilter } from '../../core/alerts/filter.js';
import { MatcherError } from '../../core/alerts/matchers.js';
import { UsageError } from '../../core/errors.js';

/** Reads the arguments as one filter. Throws UsageError for a broken matcher. */
export function filterArguments(texts: readonly string[]): AlertFilter {
  try {
    return parseFilter(texts);
  } catch (error) {
    if (error instanceof MatcherError) {
      throw new UsageError(
        `alerts: ${error.message}`,
        'Matchers look like severity="critical" or {job=~"web.*",env!="dev"}; see sitrep alerts --help.',
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
