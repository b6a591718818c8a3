import type { LabelSet } from './alert.js';

// Alertmanager's matcher syntax, as amtool and the UI take it: `severity="critical"`,
// `instance=~"web.*"`, `env!=prod`, `job!~"node|blackbox"`, several in braces separated by commas
// `{a="b",c=~"d"}`, and a bare word meaning `alertname="word"`. Regular expressions are anchored
// like Prometheus's; a leading `(?i)` (RE2's case-insensitive flag) becomes JavaScript's `i`.

/** A matcher's comparison. */
export type MatchOp = '=' | '!=' | '=~' | '!~';

/** One label matcher. */
export interface Matcher {
  readonly name: string;
  readonly op: MatchOp;
  readonly value: string;
}

/** A matcher that could not be parsed; the message says where. */
export class MatcherError extends Error {
  constructor(input: string, problem: string) {
    super(`invalid matcher ${JSON.stringify(input)}: ${problem}`);
    this.name = 'MatcherError';
  }
}

const ops: readonly MatchOp[] = ['=~', '!~', '!=', '='];

/** Parses one argument: a single matcher, a braced list, or a bare alert name. Throws MatcherError. */
export function parseMatchers(input: string): Matcher[] {
  let text = input.trim();
  if (text.startsWith('{')) {
    if (!text.endsWith('}')) throw new MatcherError(input, 'missing closing "}"');
    text = text.slice(1, -1).trim();
    if (text === '') return [];
  }
  if (/^[A-Za-z_:][A-Za-z0-9_:]*$/.test(text)) return [{ name: 'alertname', op: '=', value: text }];
  const matchers: Matcher[] = [];
  let index = 0;
  while (index < text.length) {
    const nameMatch = /\s*([A-Za-z_][A-Za-z0-9_]*)\s*/y;
    nameMatch.lastIndex = index;
    const name = nameMatch.exec(text);
    if (!name?.[1]) throw new MatcherError(input, `expected a label name at position ${index + 1}`);
    index = nameMatch.lastIndex;
    const op = ops.find((candidate) => text.startsWith(candidate, index));
    if (!op) throw new MatcherError(input, `expected =, !=, =~ or !~ after "${name[1]}"`);
    index += op.length;
    const [value, next] = readValue(input, text, index);
    const matcher = { name: name[1], op, value };
    if (op === '=~' || op === '!~') compileMatcher(matcher, input);
    matchers.push(matcher);
    index = skipSpace(text, next);
    if (index < text.length) {
      if (text[index] !== ',') throw new MatcherError(input, `expected "," at position ${index + 1}`);
      index = skipSpace(text, index + 1);
    }
  }
  if (matchers.length === 0) throw new MatcherError(input, 'empty');
  return matchers;
}

function skipSpace(text: string, index: number): number {
  while (index < text.length && /\s/.test(text[index] ?? '')) index += 1;
  return index;
}

// A quoted value takes \" \\ \n \t \xNN \u{N} escapes; an unquoted one runs to the next comma.
function readValue(input: string, text: string, start: number): [string, number] {
  let index = skipSpace(text, start);
  if (text[index] !== '"') {
    const end = text.indexOf(',', index);
    const stop = end === -1 ? text.length : end;
    return [text.slice(index, stop).trim(), stop];
  }
  let value = '';
  index += 1;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === '"') return [value, index + 1];
    if (char === '\\') {
      const escaped = text[index + 1];
      if (escaped === undefined) break;
      const coded = codedCharacter(text, index + 1);
      if (coded) {
        value += coded.char;
        index = coded.end;
        continue;
      }
      value += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped;
      index += 2;
    } else {
      value += char;
      index += 1;
    }
  }
  throw new MatcherError(input, 'unterminated quoted value');
}

// `\x1b` and `\u{202e}`, as escapeLabelValue() writes characters that must not be shown raw.
function codedCharacter(text: string, at: number): { char: string; end: number } | undefined {
  const coded = /^x([0-9a-fA-F]{2})|^u\{([0-9a-fA-F]{1,6})\}/.exec(text.slice(at, at + 10));
  if (!coded) return undefined;
  const code = Number.parseInt(coded[1] ?? coded[2] ?? '', 16);
  if (code > 0x10ffff) return undefined;
  return { char: String.fromCodePoint(code), end: at + coded[0].length };
}

/** The matcher written back in Alertmanager's syntax: `name="value"` with escapes. */
export function formatMatcher(matcher: Matcher): string {
  const value = matcher.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return `${matcher.name}${matcher.op}"${value}"`;
}

const compiled = new WeakMap<Matcher, RegExp>();

function compileMatcher(matcher: Matcher, input: string): RegExp {
  const cached = compiled.get(matcher);
  if (cached) return cached;
  const caseless = matcher.value.startsWith('(?i)');
  const source = caseless ? matcher.value.slice(4) : matcher.value;
  try {
    const regex = new RegExp(`^(?:${source})$`, caseless ? 'i' : '');
    compiled.set(matcher, regex);
    return regex;
  } catch (error) {
    throw new MatcherError(input, `bad regular expression: ${(error as Error).message}`);
  }
}

/** Whether one matcher accepts these labels; a missing label counts as the empty string. */
export function matches(matcher: Matcher, labels: LabelSet): boolean {
  const value = labels[matcher.name] ?? '';
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return compileMatcher(matcher, formatMatcher(matcher)).test(value);
    case '!~':
      return !compileMatcher(matcher, formatMatcher(matcher)).test(value);
    default: {
      const unreachable: never = matcher.op;
      return unreachable;
    }
  }
}

/** Whether every matcher accepts these labels (an empty list accepts everything). */
export function matchesAll(matchers: readonly Matcher[], labels: LabelSet): boolean {
  return matchers.every((matcher) => matches(matcher, labels));
}
