// Parsed runbooks kept on disk, so that opening the same incident again does not parse its
// runbook's Markdown again: about 40-50 ms of a resume, most of it the Markdown parser's first run
// in a new process. $XDG_CACHE_HOME/sitrep/parsed-runbooks, one JSON file per text, named by the
// SHA-256 of the parser's version, the parse options and the text: a changed text or a new
// build of sitrep is a new entry, never a stale one. A cache is a convenience: a file that
// cannot be read or written is parsed again, never an error.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ParseRunbookOptions } from '../core/runbook/parse-runbook.js';
import type { Runbook } from '../core/runbook/runbook.js';
import { sitrepDir } from './xdg-dirs.js';

/**
 * Parses a runbook's text (parseRunbook, or the cache in front of it): at once when the parse is
 * at hand, or once the parser has loaded.
 */
export type RunbookParser = (text: string, options?: ParseRunbookOptions) => Runbook | Promise<Runbook>;

type Parse = (text: string, options?: ParseRunbookOptions) => Runbook;
let parser: Parse | undefined;

/**
 * parseRunbook, loaded on first use: the Markdown parser, YAML and the PromQL parser under it are
 * most of the code a runbook lookup loads, and a lookup whose parse is cached needs none of it.
 */
export async function loadRunbookParser(): Promise<Parse> {
  parser ??= (await import('../core/runbook/parse-runbook.js')).parseRunbook;
  return parser;
}

/** `$XDG_CACHE_HOME/sitrep/parsed-runbooks` (or under `~/.cache`). */
export function parsedRunbookDir(env: Readonly<Record<string, string | undefined>>): string {
  return path.join(sitrepDir(env, 'cache'), 'parsed-runbooks');
}

/**
 * parseRunbook behind a disk cache in `dir`. `version` names the parser (a build of sitrep): a
 * parse by another version is never read back. A text found in the cache is given at once; any
 * other once the parser has loaded and parsed it.
 */
export function cachedRunbookParser(dir: string, version: string): RunbookParser {
  return (text, options = {}) => {
    const key = createHash('sha256')
      .update(`${version}\0${JSON.stringify(options)}\0`)
      .update(text)
      .digest('hex');
    const file = path.join(dir, `${key}.json`);
    const cached = readParsed(file);
    if (cached) return cached;
    return loadRunbookParser().then((parse) => {
      const runbook = parse(text, options);
      writeParsed(dir, file, runbook);
      return runbook;
    });
  };
}

// JSON has no undefined, NaN, Infinity or -0: they are written as tagged strings and read back as
// such, so a runbook read from the cache is the very value the parser returned. A string of the
// runbook's own that starts with the tag (YAML front matter can hold a NUL) is tagged too, so it
// reads back as the same string, never as a number or undefined.
const tag = '\u0000sitrep:';

function encode(_key: string, value: unknown): unknown {
  if (value === undefined) return `${tag}undefined`;
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)))
    return `${tag}${Object.is(value, -0) ? '-0' : String(value)}`;
  if (typeof value === 'string' && value.startsWith(tag)) return `${tag}string:${value}`;
  return value;
}

function decode(value: unknown): unknown {
  if (typeof value === 'string' && value.startsWith(tag)) {
    const name = value.slice(tag.length);
    if (name.startsWith('string:')) return name.slice('string:'.length);
    return name === 'undefined' ? undefined : Number(name);
  }
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

function readParsed(file: string): Runbook | undefined {
  try {
    const value = decode(JSON.parse(fs.readFileSync(file, 'utf8')));
    // Our own file, written whole (renamed into place); anything else is parsed afresh.
    if (value !== null && typeof value === 'object' && 'title' in value && 'steps' in value)
      return value as Runbook;
  } catch {
    // missing or unreadable: parse
  }
  return undefined;
}

/** Entries kept: the generic runbook is one text per alert, so old entries are let go. */
const keep = 256;

function writeParsed(dir: string, file: string, runbook: Runbook): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temporary, JSON.stringify(runbook, encode), { mode: 0o600 });
    fs.renameSync(temporary, file);
    prune(dir);
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // the folder itself is unusable: nothing was written
    }
  }
}

function prune(dir: string): void {
  const names = fs.readdirSync(dir).filter((name) => name.endsWith('.json'));
  if (names.length <= keep) return;
  const byAge = names
    .map((name) => ({ name, at: fs.statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => a.at - b.at);
  for (const { name } of byAge.slice(0, names.length - keep))
    fs.rmSync(path.join(dir, name), { force: true });
}
