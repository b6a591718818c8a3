// The alert names of the last fetch, one per line in $XDG_CACHE_HOME/sitrep/alert-names, for shell
// completion (`sitrep runbook <Tab>`), which reads the file itself and so costs no request.
import fs from 'node:fs';
import path from 'node:path';
import { sitrepDir } from './xdg-dirs.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The file's path in this environment. */
export function alertNamesFile(env: Env): string {
  return path.join(sitrepDir(env, 'cache'), 'alert-names');
}

/**
 * Replaces the file with these names: only valid Prometheus alert names (letters, digits, `_` and
 * `:`), so nothing a shell would interpret gets in. Best effort: a cache that cannot be written is
 * left as it was.
 */
export function writeAlertNames(env: Env, names: Iterable<string>): void {
  const valid = [...new Set(names)].filter((n) => /^[A-Za-z_:][A-Za-z0-9_:]*$/.test(n)).sort();
  const file = alertNamesFile(env);
  const text = valid.map((n) => `${n}\n`).join('');
  // Most runs list the same names as the last: reading is cheaper than a new file and a rename.
  if (readOrUndefined(file) === text) return;
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
