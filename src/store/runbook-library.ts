// The runbook folders on disk: the user's (from --runbooks.dir, SITREP_RUNBOOK_DIRS and the config
// key `runbooks.dirs`) and the one bundled with sitrep. Every *.md file in them (README.md aside)
// is parsed into a LibraryEntry for the pure choice in src/core/runbook/match.ts.
import path from 'node:path';
import { errorMessage } from '../core/errors.js';
import type { LibraryEntry } from '../core/runbook/match.js';
import { parseRunbook } from '../core/runbook/parse-runbook.js';
import type { Runbook } from '../core/runbook/runbook.js';
import { folderFiles, readRunbookText, type RunbookFolder } from './runbook-files.js';

/** The runbooks loaded from the folders, and what could not be read (in words). */
export interface RunbookLibrary {
  readonly folders: readonly RunbookFolder[];
  readonly entries: readonly LibraryEntry[];
  readonly warnings: readonly string[];
}

/**
 * Reads and parses every runbook in the folders. A missing or unreadable folder is a warning.
 * `mayServe`, when given, says from a file's path and text whether it can be the runbook wanted;
 * the others are not parsed (parsing every runbook was most of the time `sitrep resume` took).
 */
export function loadLibrary(
  folders: readonly RunbookFolder[],
  mayServe?: (relativePath: string, text: string) => boolean,
): RunbookLibrary {
  const entries: LibraryEntry[] = [];
  const warnings: string[] = [];
  for (const { folder, file, relativePath } of folderFiles(folders, warnings)) {
    const read = readRunbookFile(file, warnings, mayServe && ((text) => mayServe(relativePath, text)));
    if (!read) continue;
    entries.push({ path: file, relativePath, tier: folder.tier, runbook: read.runbook, text: read.text });
  }
  return { folders, entries, warnings };
}

// Parsed runbooks by file, reused while the file is unchanged (the TUI looks runbooks up often).
const parsedCache = new Map<string, { key: string; runbook: Runbook }>();

/**
 * Reads and parses one runbook file, with its text (the timeline records a hash of it); undefined
 * (with a warning) when it can not be read.
 */
export function readRunbookFile(
  file: string,
  warnings: string[] = [],
  wanted: (text: string) => boolean = () => true,
): { runbook: Runbook; text: string } | undefined {
  try {
    const cached = parsedCache.get(file);
    const { text, key } = readRunbookText(file);
    if (cached?.key === key) return { runbook: cached.runbook, text };
    if (!wanted(text)) return undefined;
    const runbook = parseRunbook(text, { fileName: path.basename(file) });
    parsedCache.set(file, { key, runbook });
    return { runbook, text };
  } catch (error) {
    warnings.push(errorMessage(error));
    return undefined;
  }
}
