// Where the config file is, worked out without reading it (and so without loading the YAML
// parser): `sitrep alerts` looks here first and loads the reader only when a file is there.
import path from 'node:path';
import { sitrepDir } from './xdg-dirs.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `$XDG_CONFIG_HOME/sitrep`, or `~/.config/sitrep` when XDG_CONFIG_HOME is unset or not absolute
 * (the XDG spec says to ignore relative values). Reads the given environment, not process.env.
 */
export function configDir(env: Env): string {
  return sitrepDir(env, 'config');
}

/**
 * The config file's path: SITREP_CONFIG_FILE when set (`--config.file` sets it for the command),
 * else config.yml in configDir().
 */
export function configFilePath(env: Env): string {
  const chosen = env['SITREP_CONFIG_FILE'];
  if (chosen !== undefined && chosen !== '') return path.resolve(chosen);
  return path.join(configDir(env), 'config.yml');
}
