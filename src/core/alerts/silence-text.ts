// Silence matchers as the engineer reads and edits them before confirming: every character of a
// label value visible (an escape sequence shows as `\x1b`, not as a cleared screen), and the text
// parsed back into exactly the matchers it shows.
import { matches, MatcherError, parseMatchers, type Matcher } from './matchers.js';

// Characters a terminal would act on or hide: C0/C1 controls and DEL, bidi marks and overrides,
// zero-width characters and the byte-order mark.
const invisible =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/**
 * A label value written so that every character can be seen and the text typed back: quotes and
 * backslashes escaped, newline and tab as `\n` `\t`, other invisible characters as `\xNN` or
 * `\u{NNNN}`. The one escaping function for raw values shown on screen.
 */
export function escapeLabelValue(value: string): string {
  return value
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(invisible, (c) => {
      if (c === '\n') return '\\n';
      if (c === '\t') return '\\t';
      const code = c.codePointAt(0) ?? 0;
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
    });
}

/** Matchers as one editable line: `alertname="X", server="web1"`. */
export function formatSilenceMatchers(matchers: readonly Matcher[]): string {
  return matchers.map((m) => `${m.name}${m.op}"${escapeLabelValue(m.value)}"`).join(', ');
}

/** Parses the edited line back; throws MatcherError with the reason, or for an empty list. */
export function parseSilenceMatchers(text: string): Matcher[] {
  const matchers = parseMatchers(text);
  if (matchers.length === 0) throw new MatcherError(text, 'a silence needs at least one matcher');
  // Alertmanager refuses a silence whose every matcher accepts a missing label: it would match all.
  if (matchers.every((m) => matches(m, {}))) {
    throw new MatcherError(
      text,
      'at least one matcher must need a label value (this would match every alert)',
    );
  }
  return matchers;
}
