// Postmortems get pasted into wikis and committed to git, so credentials that slipped into a note,
// a label or a runbook URL must not travel with them. This errs on the side of hiding too much.

/** What replaces a secret. Plain letters, so Markdown escaping leaves it readable. */
export const redacted = 'REDACTED';

/** The names a secret goes by, as patterns (`[_-]?`: with or without a separator). */
export const secretNames: readonly string[] = [
  'access[_-]?token',
  'auth[_-]?token',
  'refresh[_-]?token',
  'id[_-]?token',
  'token',
  'api[_-]?key',
  'apikey',
  'secret',
  'client[_-]?secret',
  'password',
  'passwd',
  'pwd',
  'private[_-]?key',
  'session[_-]?id',
  'signature',
  'sig',
];
const secretName = `(?:${secretNames.join('|')})`;

const rules: ReadonlyArray<readonly [RegExp, string]> = [
  // https://user:pass@host/… and https://token@host/… → https://host/…
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@?#]+@/gi, '$1'],
  // ?token=…&api_key=… in URLs
  [new RegExp(`([?&;]${secretName}=)[^&#\\s]+`, 'gi'), `$1${redacted}`],
  // password: hunter2, token=abc, "secret": "x" in free text
  [new RegExp(`\\b(${secretName}["']?\\s*[:=]\\s*["']?)[^\\s"',;&]+`, 'gi'), `$1${redacted}`],
  // Authorization headers
  [/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${redacted}`],
  // PEM private keys, whole
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, redacted],
  // Tokens with a recognisable shape: GitHub, GitLab, Slack, AWS access keys, JWTs
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,})\b/g, redacted],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/g, redacted],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, redacted],
  [/\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g, redacted],
];

// Every rule above needs one of these to match (an `@` or `=`, an auth scheme, a key header or a
// token's prefix) or, for `password: x`, a secret's name (each ends in one of these words) before a
// `:`: text without any (most notes, and every timestamp) is returned after two scans instead of
// nine. A `:` alone is not enough: every time in a journal has two.
const mayHoldSecret =
  /[@=]|Bearer|Basic|Token|-----BEGIN|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|AKIA|ASIA|eyJ/;
// The words every secretName ends in: the quick tests below are built from this one list, so a
// name added to secretName needs its ending here, and the test of every name in secretName says so.
const secretEndings = '(?:token|key|secret|password|passwd|pwd|id|signature|sig)';
const namedBeforeColon = new RegExp(`${secretEndings}["']?\\s*:`, 'i');

/** Removes credentials from text: passwords in URLs, token parameters, known token shapes. */
export function redactSecrets(text: string): string {
  return mayHideSecret(text) ? redactEveryRule(text) : text;
}

/**
 * A regular expression for text that matches `pattern` from start to end and in which nothing
 * mayHideSecret looks for without a `:` occurs (nor anything `extra` matches): one test instead
 * of several, for the 20,000 texts of a long export. Text with a `:` still needs
 * mayHideSecret's second test (see secretBeforeColon).
 */
export function matchingWithoutSecret(pattern: string, extra: string): RegExp {
  return new RegExp(`^(?![^]*(?:${extra}|${mayHoldSecret.source}))(?:${pattern})$`);
}

/** The half of mayHideSecret that needs a `:` in the text. */
export function secretBeforeColon(text: string): boolean {
  return namedBeforeColon.test(text);
}

/** False when no rule of redactSecrets can match the text (it is returned as it is). */
export function mayHideSecret(text: string): boolean {
  return mayHoldSecret.test(text) || namedBeforeColon.test(text);
}

// namedBeforeColon as it reads in JSON text: a `"` in a string is written `\"`, and a tab, newline,
// carriage return, form feed or vertical tab as `\t`, `\n`, `\r`, `\f`, `\u000b` (other
// whitespace is written as it is). A key (`"id": `) never matches: its quote is not escaped.
const namedBeforeColonInJson = new RegExp(`${secretEndings}(?:\\\\"|')?(?:\\s|\\\\[tnrf]|\\\\u000b)*:`, 'i');

/**
 * False when no string in this JSON text (as JSON.stringify writes it) may hide a secret: every
 * string in it would come back from redactSecrets as it is. Keys count too (so it may say true
 * when only a key looks like a secret, never false when a string may hide one).
 */
export function jsonMayHideSecret(json: string): boolean {
  // The letters, digits, `@`, `=`, `_` and `-` mayHoldSecret looks for are never escaped in JSON.
  return mayHoldSecret.test(json) || namedBeforeColonInJson.test(json);
}

/** redactSecrets without the quick test: every rule run on the text (the tests' yardstick). */
export function redactEveryRule(text: string): string {
  return rules.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}
