// Where sitrep keeps incident journals: the XDG data directory, as the spec says to find it.
import os from 'node:os';
import path from 'node:path';

/**
 * `$XDG_DATA_HOME/sitrep/incidents`, or `~/.local/share/sitrep/incidents` when XDG_DATA_HOME is
 * unset or not absolute (the XDG spec says to ignore relative values). Reads the given
 * environment, not process.env, so tests can point it anywhere.
 */
export function incidentsDir(env: Readonly<Record<string, string | undefined>>): string {
  const xdg = env.XDG_DATA_HOME;
  const dataHome =
    xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(env.HOME || os.homedir(), '.local', 'share');
  return path.join(dataHome, 'sitrep', 'incidents');
}
