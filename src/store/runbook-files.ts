// The runbook folders on disk and their files, read without parsing (runbook-library.ts parses
// them): which folders to search, the runbook files under each, a file's text.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorMessage } from '../core/errors.js';

/** A folder of runbooks and whether the user configured it. */
export interface RunbookFolder {
  readonly path: string;
  readonly tier: 'user' | 'bundled';
}

// Bounds so that pointing sitrep at `/` or a huge monorepo stays quick.
const maxFilesPerFolder = 5_000;
const maxDepth = 8;
const maxFileBytes = 32 * 1024 * 1024;
const skippedDirs = new Set(['node_modules', '.git']);

/**
 * The `runbooks/` folder shipped with sitrep. The CLI is one esbuild bundle, dist/sitrep.js, so the
 * folder is ../runbooks from the bundle; running from source (tests) it is ../../runbooks from here.
 */
export function bundledRunbooksDir(moduleUrl: string = import.meta.url): string | undefined {
  const here = path.dirname(fileURLToPath(moduleUrl));
  return [path.resolve(here, '..', 'runbooks'), path.resolve(here, '..', '..', 'runbooks')].find((dir) =>
    isDirectory(dir),
  );
}

/**
 * The folders to search, user ones first: `flagDirs`, then SITREP_RUNBOOK_DIRS (separated by the
 * platform's path delimiter, `:` on Unix), then the config file's `runbooks.dirs`, then the bundled one.
 * Relative paths are taken from `cwd`. Duplicates are dropped.
 */
export function runbookFolders(options: {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly flagDirs?: readonly string[];
  readonly configDirs?: readonly string[];
  readonly bundled?: string | undefined;
}): RunbookFolder[] {
  const fromEnv = (options.env['SITREP_RUNBOOK_DIRS'] ?? '')
    .split(path.delimiter)
    .filter((dir) => dir.trim() !== '');
  const user = [...(options.flagDirs ?? []), ...fromEnv, ...(options.configDirs ?? [])].map((dir) =>
    path.resolve(options.cwd, expandHome(dir, options.env)),
  );
  const bundled = 'bundled' in options ? options.bundled : bundledRunbooksDir();
  const folders: RunbookFolder[] = [];
  for (const dir of user) if (!folders.some((f) => f.path === dir)) folders.push({ path: dir, tier: 'user' });
  if (bundled && !folders.some((f) => f.path === bundled)) folders.push({ path: bundled, tier: 'bundled' });
  return folders;
}

function expandHome(dir: string, env: Readonly<Record<string, string | undefined>>): string {
  const home = env['HOME'];
  return home && (dir === '~' || dir.startsWith('~/')) ? path.join(home, dir.slice(1)) : dir;
}

/** True for a runbook's file name: *.md or *.markdown, but not a README. */
export function isRunbookFileName(name: string): boolean {
  // Hugo's `_index.md` is a section's landing page in a runbook collection, not a runbook.
  return /\.(md|markdown)$/i.test(name) && !/^(?:readme|_index)\./i.test(name);
}

/** Every runbook file under `root`, sorted, within the bounds above. */
export function markdownFiles(root: string, warnings: string[] = []): string[] {
  return filesUnder(root, isRunbookFileName, warnings);
}

/**
 * The files under `root` whose name `accept`s, in name order, skipping hidden entries, node_modules
 * and symlink loops, at most 8 folders deep and 5,000 files.
 */
export function filesUnder(
  root: string,
  accept: (name: string) => boolean,
  warnings: string[] = [],
): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (dir: string, depth: number) => {
    let real: string;
    let items: fs.Dirent[];
    try {
      real = fs.realpathSync(dir);
      if (seen.has(real)) return; // a symlink loop
      seen.add(real);
      items = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      warnings.push(`cannot read ${dir}: ${describe(error)}`);
      return;
    }
    for (const item of items.sort((a, b) => a.name.localeCompare(b.name))) {
      if (found.length >= maxFilesPerFolder || item.name.startsWith('.')) continue;
      const full = path.join(dir, item.name);
      const isDir = item.isDirectory() || (item.isSymbolicLink() && isDirectory(full));
      if (isDir) {
        if (depth < maxDepth && !skippedDirs.has(item.name)) visit(full, depth + 1);
      } else if (accept(item.name)) {
        found.push(full);
      }
    }
  };
  visit(root, 0);
  if (found.length >= maxFilesPerFolder)
    warnings.push(
      `${root} holds more than ${maxFilesPerFolder} files; sitrep read the first ${maxFilesPerFolder}`,
    );
  return found;
}

/** A runbook file that can not be read, with the reason in words. */
export class RunbookReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot read runbook ${file}: ${reason}`);
    this.name = 'RunbookReadError';
  }
}

/** A runbook file's text (invalid UTF-8 becomes U+FFFD). Throws RunbookReadError. */
export function readRunbookText(file: string): { text: string; key: string } {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new RunbookReadError(file, 'it is a folder');
    if (stat.size > maxFileBytes) {
      throw new RunbookReadError(
        file,
        `it is ${Math.round(stat.size / 1024 / 1024)} MB, far more than a runbook`,
      );
    }
    return { text: fs.readFileSync(file).toString('utf8'), key: `${stat.mtimeMs}:${stat.size}` };
  } catch (error) {
    if (error instanceof RunbookReadError) throw error;
    throw new RunbookReadError(file, describe(error));
  }
}

/** True for a folder (or a link to one). */
export function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Why a file or folder could not be read, in words. */
export function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return errorMessage(error);
}

/** A runbook file of one of the folders, with its path from that folder ('/' between parts). */
export interface FolderFile {
  readonly folder: RunbookFolder;
  readonly file: string;
  readonly relativePath: string;
}

/**
 * The runbook files of `folders`, folder after folder in the order given and each folder's in
 * markdownFiles' order; a folder that is missing or can not be read adds a warning to `warnings`.
 * The one walk both loadLibrary (runbook-library.ts) and scanFolders take, so the two see the same
 * files and give the same warnings. A folder is walked only when the one before is done with.
 */
export function* folderFiles(folders: readonly RunbookFolder[], warnings: string[]): Generator<FolderFile> {
  for (const folder of folders) {
    if (!isDirectory(folder.path)) {
      warnings.push(`runbook folder ${folder.path} does not exist or is not a folder`);
      continue;
    }
    for (const file of markdownFiles(folder.path, warnings)) {
      yield { folder, file, relativePath: path.relative(folder.path, file).split(path.sep).join('/') };
    }
  }
}

/**
 * Whether loadLibrary (runbook-library.ts) would parse any file of these folders for an alert that
 * `mayServe` tells apart, found without parsing: a lookup for which no file is wanted needs no
 * Markdown parser. The warnings are those loadLibrary gives when no file is wanted.
 */
export function scanFolders(
  folders: readonly RunbookFolder[],
  mayServe: (relativePath: string, text: string) => boolean,
): { readonly wanted: boolean; readonly warnings: readonly string[] } {
  const warnings: string[] = [];
  for (const { file, relativePath } of folderFiles(folders, warnings)) {
    try {
      if (mayServe(relativePath, readRunbookText(file).text)) return { wanted: true, warnings };
    } catch (error) {
      warnings.push(errorMessage(error));
    }
  }
  return { wanted: false, warnings };
}
