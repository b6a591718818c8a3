// Reading markdown into a syntax tree (mdast) with GFM and YAML front matter, bounded so that no
// file can hang or crash sitrep: micromark slows down sharply on big documents (1 MB of lists
// takes over a minute) and overflows the stack on very deep nesting, so only the first
// `maxParsedChars` are read and a document that nests too deeply is read up to where it can be.
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { RunbookProblem, SourcePosition } from './runbook.js';
import { formatValue } from '../format/value.js';

/** Runbooks are a few kilobytes; this is room for about fifty pages of text. */
export const maxParsedChars = 128 * 1024;

/** The tree and how much of the text it covers. */
export interface ParsedMarkdown {
  /** Undefined only when not even the start of the text could be read. */
  readonly tree: Root | undefined;
  /** The text the tree's offsets point into (a prefix of the input). */
  readonly text: string;
  readonly problems: readonly RunbookProblem[];
}

const options = {
  extensions: [gfm(), frontmatter(['yaml', 'toml'])],
  mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
};

/** Parses `input`, cutting it where needed and saying so. Never throws. */
export function parseMarkdown(input: string): ParsedMarkdown {
  const problems: RunbookProblem[] = [];
  let text = input;
  if (text.length > maxParsedChars) {
    text = cutAtLine(text, maxParsedChars);
    problems.push(
      warning(
        `the file is ${formatValue(input.length, 'bytes')}; sitrep read only its first ${formatValue(text.length, 'bytes')} ` +
          `(up to line ${lineCount(text)}), as runbooks are normally a few kilobytes`,
        { line: lineCount(text) + 1, column: 1 },
      ),
    );
  }
  // Halve the text until it parses: the part that parses is still worth showing.
  for (let attempt = 0; attempt < 4 && text.length > 0; attempt += 1) {
    try {
      const tree = fromMarkdown(text, options);
      if (attempt > 0) {
        problems.push(
          warning(
            `the markdown below line ${lineCount(text)} nests too deeply to read; sitrep shows what comes before it`,
            { line: lineCount(text) + 1, column: 1 },
          ),
        );
      }
      return { tree, text, problems };
    } catch {
      text = cutAtLine(text, Math.floor(text.length / 2));
    }
  }
  problems.push({
    severity: 'error',
    message: 'the markdown nests too deeply for sitrep to read (lists or quotes thousands of levels deep)',
    position: { line: 1, column: 1 },
  });
  return { tree: undefined, text: '', problems };
}

function warning(message: string, position: SourcePosition): RunbookProblem {
  return { severity: 'warning', message, position };
}

function cutAtLine(text: string, limit: number): string {
  const newline = text.lastIndexOf('\n', limit);
  return newline > 0 ? text.slice(0, newline + 1) : text.slice(0, limit);
}

function lineCount(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count += 1;
  return text.endsWith('\n') ? count : count + 1;
}

/** True for front matter: YAML (`---`) or, as Hugo also allows, TOML (`+++`). */
export function isFrontMatter(node: Nodes): boolean {
  const type: string = node.type;
  return type === 'yaml' || type === 'toml';
}

/** Where a node starts, 1-based; 1:1 for a node without position (never the case for parsed nodes). */
export function startOf(node: Nodes): SourcePosition {
  const start = node.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1 };
}

/** The node's [start, end) offsets in the parsed text. */
export function spanOf(node: Nodes): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

// Trees from hostile input can be thousands of levels deep; walks stop here instead of recursing on.
const maxWalkDepth = 64;

/**
 * Visits `node` and its descendants in document order, without recursion. `visit` returning false
 * skips the node's children. Nodes deeper than 64 levels are not visited.
 */
export function walk(node: Nodes, visit: (node: Nodes, depth: number) => boolean | void): void {
  const stack: [Nodes, number][] = [[node, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [Nodes, number];
    if (visit(current, depth) === false || depth >= maxWalkDepth || !('children' in current)) continue;
    const kids = current.children as Nodes[];
    for (let i = kids.length - 1; i >= 0; i -= 1) stack.push([kids[i] as Nodes, depth + 1]);
  }
}

/** The text of a heading or other inline content, without markup. */
export function plainText(node: Nodes): string {
  let out = '';
  walk(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') out += child.value;
    if (child.type === 'break') out += ' ';
  });
  return out.replace(/\s+/g, ' ').trim();
}
