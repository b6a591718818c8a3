// sitrep's config file, kept by conf at `$XDG_CONFIG_HOME/sitrep/config.yml` as YAML with mode
// 0600 (it can hold tokens). Every read checks the whole file; a file that fails to parse or
// check is reported with its line and key and is never overwritten. Only `sitrep config` loads
// this module; every other command reads the file through config-reader.ts without conf.
import path from 'node:path';
import Conf from 'conf';
import { stringify } from 'yaml';
import { ShapeError } from '../core/alerts/shape.js';
import type { FileConfig } from '../core/config/config-file.js';
import { checkConfigDocument, configFilePath } from './config-path.js';
import { readConfigDocument } from './config-reader.js';
import { coerceValue, getAt, KeyPathError, setAt, splitKey, unsetAt } from '../core/config/key-path.js';
import { UsageError } from '../core/errors.js';
import { unsetInvalidKey } from './config-repair.js';
import { ConfigFileError, parseYamlConfig } from './yaml-file.js';

type Env = Readonly<Record<string, string | undefined>>;

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
  const check = (doc: unknown) => checkConfigDocument(file, doc);
  let conf: Conf<Record<string, unknown>> | undefined;
  // Reading never creates anything: conf (which makes the folder) is only opened when the file
  // exists or is about to be written.
  const open = () =>
    (conf ??= new Conf<Record<string, unknown>>({
      projectName: 'sitrep',
      cwd: path.dirname(file),
      // The file's own name, so that --config.file other.yaml is the file written.
      configName: path.basename(file, path.extname(file)),
      fileExtension: path.extname(file).replace(/^\./, ''),
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
  const document = (): Record<string, unknown> => readConfigDocument(file);
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
      let current: Record<string, unknown>;
      try {
        current = document();
      } catch (error) {
        // The key that makes the file invalid can still be removed (see config-repair.ts).
        if (error instanceof ConfigFileError && unsetInvalidKey(file, parts)) return true;
        throw error;
      }
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
