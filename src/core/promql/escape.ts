// Label values are untrusted text that ends up inside PromQL string literals. Each function here
// writes a value so that Prometheus reads back exactly that value, whatever it contains: quotes,
// backslashes, newlines, control characters, or (inside `=~`) regular-expression syntax.

/** The two PromQL quote characters that allow escapes. Backtick strings are raw and can not hold a backtick. */
export type EscapingQuote = '"' | "'";

// Characters Prometheus's lexer would reject or that would hide in a terminal: control characters,
// U+FFFD (the lexer reports it as invalid UTF-8), bidi controls and line separators.
// eslint-disable-next-line no-control-regex
const mustEscape = /[\u0000-\u001f\u007f-\u009f\ufffd\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;
const named: Readonly<Record<string, string>> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
};

/**
 * The body of a PromQL string literal (without its quotes) that Prometheus decodes to `value`.
 * A lone UTF-16 surrogate, which no Prometheus label can hold, becomes U+FFFD.
 */
export function escapeStringContent(value: string, quote: EscapingQuote): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === quote) out += `\\${quote}`;
    else if (named[char] !== undefined) out += named[char];
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else if (mustEscape.test(char)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return out;
}

/** `value` as a complete double-quoted PromQL string literal. */
export function quoteString(value: string): string {
  return `"${escapeStringContent(value, '"')}"`;
}

// The characters RE2 (Prometheus's regexp engine) treats as syntax; the same set as Go's
// regexp.QuoteMeta. Escaping any other character would be an RE2 error.
const regexSyntax = new Set(['\\', '.', '+', '*', '?', '(', ')', '|', '[', ']', '{', '}', '^', '$']);

/** A regular expression that matches exactly `value` (Prometheus anchors matchers at both ends). */
export function escapeRegex(value: string): string {
  let out = '';
  for (const char of value) out += regexSyntax.has(char) ? `\\${char}` : char;
  return out;
}
