// Text from alerts, runbooks and notes is untrusted in a Markdown document: a label value with a
// `|` would break a table, `[x](javascript:…)` would become a link, `<img onerror>` raw HTML. Every
// piece of such text reaches the document through one of these functions, which also strip
// terminal escapes and redact secrets.
import { sanitizeText } from '../sanitize-text.js';
import { matchingWithoutSecret, redactSecrets, secretBeforeColon } from './redact.js';
import { largest } from '../bounded.js';

// Backslash-escapes every character with inline meaning: emphasis, code, links, images, HTML,
// entities, strikethrough, table cells. CommonMark lets any ASCII punctuation be escaped.
const inlineSpecial = /[\\`*_[\]<>|~&!]/g;

/** Untrusted text as one line of Markdown that renders literally (newlines become spaces). */
export function inlineText(text: string): string {
  return isLiteral(text) ? text : inlineTextInFull(text);
}

/** inlineText without the shortcut for literal text (the tests' yardstick). */
export function inlineTextInFull(text: string): string {
  return escapeLine(oneSpace(clean(text)).trim());
}

// Most notes are words, digits and everyday punctuation: such text is its own inline text and its
// own single block line (one test instead of the eight of cleaning, folding and escaping, for the
// 20,000 texts of a 10,000-note export). It starts with a letter, so it cannot start a block.
// One test for all of it: the characters, no space at the end or two in a row, nothing a secret
// rule looks for (the rules that need a `:` are tested only when there is one).
const literalText = matchingWithoutSecret(`[A-Za-z][A-Za-z0-9 ,.;:()?+%'"/$-]*`, ' $|  ');

/** True when inlineText and blockLines give the text back as it is (as one line). */
export function isLiteral(text: string): boolean {
  return literalText.test(text) && !(text.includes(':') && secretBeforeColon(text));
}

/** Untrusted text for a table cell: one line, literal, pipes escaped; `—` when empty. */
export function cellText(text: string): string {
  return inlineText(text) || '—';
}

/**
 * Untrusted multi-line text as Markdown lines that render literally, each line escaped, including
 * what would start a heading, list, quote or rule. Empty lines are kept out so the text cannot end
 * the list item or paragraph it sits in.
 */
export function blockLines(text: string): string[] {
  return isLiteral(text) ? [text] : blockLinesInFull(text);
}

/** blockLines without the shortcut for literal text (the tests' yardstick). */
export function blockLinesInFull(text: string): string[] {
  const cleaned = clean(text);
  const lines: string[] = [];
  for (const raw of cleaned.includes('\n') ? cleaned.split('\n') : [cleaned]) {
    const line = oneSpace(raw).trim();
    if (line !== '') lines.push(escapeLineStart(escapeLine(line)));
  }
  return lines;
}

// Any whitespace but a lone space: a tab, a newline, a no-break space, two spaces in a row.
const foldableSpace = /[^\S ]| {2}/;

/** Every run of whitespace as one space (text with nothing to fold is returned as it is). */
export function oneSpace(text: string): string {
  return foldableSpace.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/**
 * Text as an inline code span: rendered verbatim (no links or HTML inside), fenced with more
 * backticks than it contains. In a table cell pass `inTable`: GFM splits cells at `|` before it
 * parses code, so there pipes are escaped (and the escape is removed again when rendering).
 */
export function codeText(text: string, inTable = false): string {
  const line = oneSpace(clean(text)).trim();
  if (line === '') return '—';
  const longestRun = largest(
    [...line.matchAll(/`+/g)].map((m) => m[0].length),
    0,
  );
  const fence = '`'.repeat(longestRun + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  const body = inTable ? line.replace(/\|/g, '\\|') : line;
  return `${fence}${pad}${body}${pad}${fence}`;
}

function clean(text: string): string {
  return redactSecrets(sanitizeText(text));
}

// Most text has nothing to escape: one test each, instead of a replacement, for the 30,000 texts
// of a 10,000-event export.
const hasInlineSpecial = /[\\`*_[\]<>|~&!]/;
const startsBlock = /^(?:[#>+=-]|\d+[.)])/;

function escapeLine(line: string): string {
  return hasInlineSpecial.test(line) ? line.replace(inlineSpecial, (c) => `\\${c}`) : line;
}

// At the start of a line these begin a block: a heading, quote, list item, rule or setext underline.
function escapeLineStart(line: string): string {
  if (!startsBlock.test(line)) return line;
  return line.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}
