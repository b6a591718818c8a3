// sitrep's config file, kept by conf at `$XDG_CONFIG_HOME/sitrep/config.yml` as YAML with mode
// 0600 (it can hold tokens). Every read checks the whole file; a file that fails to parse or
// check is reported with its line and key and is never overwritten. Also reads the
// `--http.config.file` documents (Prometheus http_config shape).
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { stringify } from 'yaml';
import { ShapeError } from '../core/alerts/shape.js';
import { readFileConfig, type FileConfig } from '../core/config/config-file.js';
import { readHttpConfigDocument, type HttpSettings } from '../core/config/http-config.js';
import { coerceValue, getAt, KeyPathError, setAt, splitKey, unsetAt } from '../core/config/key-path.js';
import { UsageError } from '../core/errors.js';
import { sitrepDir } from './xdg-dirs.js';
import { parseYamlConfig, readYamlConfig } from './yaml-file.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `$XDG_CONFIG_HOME/sitrep`, or `~/.config/sitrep` when XDG_CONFIG_HOME is unset or not absolute
 * (the XDG spec says to ignore relative values). Reads the given environment, not process.env.
 */
export function configDir(env: Env): string {
  return sitrepDir(env, 'config');
}

/** The config file's path. */
export function configFilePath(env: Env): string {
  return path.join(configDir(env), 'config.yml');
}

/** The config file: read, and changed one key at a time. */
export interface Settings {
  readonly path: string;
  /** The file as written (empty when there is none), already checked. */
  document(): Readonly<Record<string, unknown>>;
  /** The file's settings for resolution. */
  fileConfig(): FileConfig;
  /** Sets a dotted key; the result is checked before anything is written. Throws UsageError. */
  set(key: string, value: string): void;
  /** Removes a dotted key; false when it was not set. */
  unset(key: string): boolean;
}

/** Opens the config file of this environment. Throws ConfigFileError when it is invalid. */
export function openSettings(env: Env): Settings {
  const file = configFilePath(env);
  const check = (doc: unknown) => readFileConfig(doc, (p) => path.resolve(path.dirname(file), p));
  let conf: Conf<Record<string, unknown>> | undefined;
  // Reading never creates anything: conf (which makes the folder) is only opened when the file
  // exists or is about to be written.
  const open = () =>
    (conf ??= new Conf<Record<string, unknown>>({
      projectName: 'sitrep',
      cwd: path.dirname(file),
      configName: 'config',
      fileExtension: 'yml',
      configFileMode: 0o600,
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
      serialize: (value) => stringify(value),
      deserialize: (text) => {
        const value = parseYamlConfig(text, file, (doc) => {
          check(doc);
          return doc;
        });
        return (value ?? {}) as Record<string, unknown>;
      },
    }));
  const document = (): Record<string, unknown> => (fs.existsSync(file) ? { ...open().store } : {});
  return {
    path: file,
    document,
    fileConfig: () => check(document()),
    set(key, value) {
      const parts = configKey(key);
      const next = edit(() => setAt(document(), parts, coerceValue(parts, value)));
      open().store = next;
    },
    unset(key) {
      const parts = configKey(key);
      const current = document();
      if (getAt(current, parts) === undefined) return false;
      open().store = edit(() => unsetAt(current, parts) ?? {});
      return true;
    },
  };

  function edit(change: () => unknown): Record<string, unknown> {
    let next: unknown;
    try {
      next = change();
      check(next);
    } catch (error) {
      if (error instanceof KeyPathError) throw new UsageError(`config: ${error.message}`);
      if (error instanceof ShapeError) {
        throw new UsageError(
          `config: ${error.message} (nothing was changed)`,
          'Run `sitrep config --help` for the keys.',
        );
      }
      throw error;
    }
    return next as Record<string, unknown>;
  }
}

/** A dotted config key split into its parts; a malformed key is a UsageError. */
export function configKey(key: string): string[] {
  try {
    return splitKey(key);
  } catch (error) {
    if (error instanceof KeyPathError) throw new UsageError(`config: ${error.message}`);
    throw error;
  }
}

/** Reads a `--http.config.file` (or `http_config_file`) document. Throws ConfigFileError. */
export function readHttpConfigFile(file: string): HttpSettings {
  return readYamlConfig(file, readHttpConfigDocument);
}
