// Where sitrep keeps incident journals: its folder in the XDG data directory.
import path from 'node:path';
import { sitrepDir } from './xdg-dirs.js';

/**
 * `$XDG_DATA_HOME/sitrep/incidents`, or `~/.local/share/sitrep/incidents` when XDG_DATA_HOME is
 * unset or not absolute. Reads the given environment, not process.env.
 */
export function incidentsDir(env: Readonly<Record<string, string | undefined>>): string {
  return path.join(sitrepDir(env, 'data'), 'incidents');
}
