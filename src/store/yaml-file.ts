// YAML config files read so that any complaint names the file, the line and the key: a syntax
// error from the parser, or a ShapeError from a reader mapped back to the line its key is on.
import fs from 'node:fs';
import path from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { ShapeError, type ShapePath } from '../core/alerts/shape.js';
import { ExitCode, UserError } from '../core/errors.js';

/** A config file that cannot be used. Exit code 2, like a bad flag: the setup needs fixing. */
export class ConfigFileError extends UserError {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, problem: string, hint?: string) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`, {
      hint: hint ?? 'Fix the file (nothing was changed), or move it aside to use the defaults.',
      exitCode: ExitCode.usage,
    });
    this.name = 'ConfigFileError';
    this.file = file;
    this.line = line;
  }
}

/**
 * Parses YAML text from `file` and hands the plain value to `read` (which throws ShapeError for a
 * wrong shape). `read` gets a resolver for paths written in the file, relative to its folder.
 */
export function parseYamlConfig<T>(
  text: string,
  file: string,
  read: (value: unknown, resolvePath: (p: string) => string) => T,
): T {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const [syntax] = doc.errors;
  if (syntax) {
    const line = lines.linePos(syntax.pos[0]).line;
    throw new ConfigFileError(file, line, `not valid YAML: ${syntax.message.split('\n', 1)[0] ?? ''}`);
  }
  const resolvePath = (p: string) => path.resolve(path.dirname(file), p);
  try {
    return read(doc.toJS() as unknown, resolvePath);
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new ConfigFileError(file, lineOf(doc, lines, error.path), error.message);
  }
}

// The line of the deepest part of `path` present in the document (a missing key points at its parent).
function lineOf(doc: Document, lines: LineCounter, shapePath: ShapePath): number | undefined {
  for (let depth = shapePath.length; depth >= 0; depth -= 1) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(shapePath.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Reads and parses a YAML file; a missing or unreadable file is a ConfigFileError naming it. */
export function readYamlConfig<T>(
  file: string,
  read: (value: unknown, resolvePath: (p: string) => string) => T,
): T {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new ConfigFileError(file, undefined, `cannot read it (${code})`, 'Check the path.');
  }
  return parseYamlConfig(text, file, read);
}
