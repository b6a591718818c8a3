// Runbooks fetched from URLs, kept on disk so a runbook that opened once still opens when the
// network (or the wiki) is down in the middle of an incident: $XDG_CACHE_HOME/sitrep/runbooks,
// one file per URL, named by the URL's SHA-256.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sitrepDir } from './xdg-dirs.js';

/** `$XDG_CACHE_HOME/sitrep/runbooks`, or `~/.cache/sitrep/runbooks` (a relative XDG value is ignored). */
export function runbookCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  return path.join(sitrepDir(env, 'cache'), 'runbooks');
}

/** A cached copy of a runbook URL. */
export interface CachedRunbook {
  readonly text: string;
  /** When it was fetched (the file's modification time). */
  readonly savedAt: Date;
}

function fileFor(dir: string, url: string): string {
  return path.join(dir, `${createHash('sha256').update(url).digest('hex')}.md`);
}

/** The cached copy of `url`, or undefined when there is none (or it can not be read). */
export function readCachedRunbook(dir: string, url: string): CachedRunbook | undefined {
  const file = fileFor(dir, url);
  try {
    return { text: fs.readFileSync(file, 'utf8'), savedAt: fs.statSync(file).mtime };
  } catch {
    return undefined;
  }
}

/**
 * Saves a fetched runbook, atomically (a reader never sees half a file). Returns false when the
 * cache can not be written: a cache is a convenience, so that is never an error for the caller.
 */
export function writeCachedRunbook(dir: string, url: string, text: string): boolean {
  const file = fileFor(dir, url);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temporary, text, { mode: 0o600 });
    fs.renameSync(temporary, file);
    return true;
  } catch {
    fs.rmSync(temporary, { force: true });
    return false;
  }
}
