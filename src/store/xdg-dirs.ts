// Where sitrep keeps its files: its folder in each XDG base directory, found as the spec says.
import os from 'node:os';
import path from 'node:path';

/** Which base directory: settings, data that must last (journals), or data that may be lost. */
export type XdgKind = 'config' | 'data' | 'cache';

const bases: Readonly<Record<XdgKind, { readonly variable: string; readonly fallback: readonly string[] }>> =
  {
    config: { variable: 'XDG_CONFIG_HOME', fallback: ['.config'] },
    data: { variable: 'XDG_DATA_HOME', fallback: ['.local', 'share'] },
    cache: { variable: 'XDG_CACHE_HOME', fallback: ['.cache'] },
  };

/**
 * `$XDG_<KIND>_HOME/sitrep`, or `~/.config/sitrep`, `~/.local/share/sitrep`, `~/.cache/sitrep` when
 * the variable is unset or not absolute (the spec says to ignore relative values). Reads the given
 * environment, not process.env, so tests can point it anywhere.
 */
export function sitrepDir(env: Readonly<Record<string, string | undefined>>, kind: XdgKind): string {
  const { variable, fallback } = bases[kind];
  const xdg = env[variable];
  const base =
    xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(env['HOME'] || os.homedir(), ...fallback);
  return path.join(base, 'sitrep');
}
