// PromQL syntax checks with the Prometheus project's own grammar (@prometheus-io/lezer-promql),
// plus the string-escape rules of Prometheus's lexer, which the grammar does not enforce: `"\q"`
// parses in the grammar but Prometheus refuses it.
import { parser } from '@prometheus-io/lezer-promql';

/** A node of the grammar's syntax tree (typed without importing @lezer/common, not our dependency). */
export type PromqlNode = ReturnType<typeof parser.parse>['topNode'];

/** The first thing wrong with a query, located in it (1-based line and column). */
export interface PromqlSyntaxError {
  readonly message: string;
  /** 0-based offset into the query. */
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** The syntax tree's top node (`PromQL`). Never throws: broken input gives error nodes. */
export function parsePromql(query: string): PromqlNode {
  return parser.parse(query).topNode;
}

/**
 * The expression node of a query that parses without any error node (the child of `PromQL`);
 * undefined for broken or empty input, so a derivation never builds on a half-read tree.
 */
export function parseWholeExpression(query: string): PromqlNode | undefined {
  const top = parsePromql(query);
  let broken = false;
  top.cursor().iterate((node) => {
    if (node.type.isError) broken = true;
  });
  return broken ? undefined : (top.firstChild ?? undefined);
}

/** The first syntax error in `query`, or undefined when Prometheus would accept its syntax. */
export function findSyntaxError(query: string): PromqlSyntaxError | undefined {
  if (query.trim() === '') return locate(query, 0, 'the query is empty');
  let first: PromqlSyntaxError | undefined;
  const cursor = parser.parse(query).cursor();
  do {
    if (cursor.type.isError) {
      first = locate(query, cursor.from, describeError(query, cursor.from, cursor.to));
      break;
    }
    if (cursor.name === 'StringLiteral') {
      const problem = checkStringLiteral(query.slice(cursor.from, cursor.to));
      if (problem) {
        first = locate(query, cursor.from + problem.at, problem.message);
        break;
      }
    }
  } while (cursor.next());
  return first;
}

/** 1-based line and column of a 0-based offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function locate(query: string, offset: number, message: string): PromqlSyntaxError {
  return { message, offset, ...lineColumn(query, offset) };
}

function describeError(query: string, from: number, to: number): string {
  const text = (to > from ? query.slice(from, to) : query.slice(from).match(/^\S+/)?.[0]) ?? '';
  if (text === '') return 'unexpected end of the query';
  const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  return `unexpected \`${shown}\``;
}

/** Where in a string literal (offset from its opening quote) Prometheus's lexer would stop, and why. */
export function checkStringLiteral(literal: string): { at: number; message: string } | undefined {
  const quote = literal[0];
  if (quote === undefined) return { at: 0, message: 'empty string literal' };
  if (literal.length < 2 || !closes(literal, quote)) return { at: 0, message: 'unterminated string' };
  if (quote === '`') return undefined;
  for (let i = 1; i < literal.length - 1; i += 1) {
    const char = literal[i];
    if (char === '\n') return { at: i, message: 'a newline inside a quoted string (write \\n)' };
    if (char !== '\\') continue;
    const length = escapeLength(literal, i, quote);
    if (length === undefined) {
      return { at: i, message: `unknown escape sequence \`${literal.slice(i, i + 2)}\`` };
    }
    i += length - 1;
  }
  return undefined;
}

function closes(literal: string, quote: string): boolean {
  if (literal[literal.length - 1] !== quote) return false;
  if (quote === '`') return true;
  // The closing quote must not itself be escaped: count the backslashes before it.
  let backslashes = 0;
  for (let i = literal.length - 2; i > 0 && literal[i] === '\\'; i -= 1) backslashes += 1;
  return backslashes % 2 === 0;
}

// The length of the escape sequence starting at `at` (a backslash), or undefined when Prometheus's
// lexer would reject it. Mirrors its rules: the single-letter escapes, the literal's own quote,
// three octal digits, \x with 2 hex digits, \u with 4 and \U with 8 (a valid, non-surrogate code point).
function escapeLength(literal: string, at: number, quote: string): number | undefined {
  const next = literal[at + 1];
  if (next === undefined) return undefined;
  if ('abfnrtv\\'.includes(next) || next === quote) return 2;
  const digits = (count: number, pattern: RegExp) => {
    const body = literal.slice(at + 2, at + 2 + count);
    return body.length === count && pattern.test(body) ? body : undefined;
  };
  if (/[0-7]/.test(next)) {
    const body = literal.slice(at + 1, at + 4);
    return /^[0-7]{3}$/.test(body) && Number.parseInt(body, 8) <= 255 ? 4 : undefined;
  }
  if (next === 'x') return digits(2, /^[0-9a-fA-F]{2}$/) === undefined ? undefined : 4;
  const wide = next === 'u' ? 4 : next === 'U' ? 8 : 0;
  if (wide === 0) return undefined;
  const body = digits(wide, /^[0-9a-fA-F]+$/);
  if (body === undefined) return undefined;
  const code = Number.parseInt(body, 16);
  return code > 0x10ffff || (code >= 0xd800 && code < 0xe000) ? undefined : 2 + wide;
}
