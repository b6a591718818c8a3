// Where the config file is, and the check of its document: what a command that only reads the
// config needs before it knows whether there is a file at all. No YAML parser here (a quarter of
// a megabyte, 12 ms to load): config-reader.ts loads it, and only when a file is there to parse.
import fs from 'node:fs';
import path from 'node:path';
import { readFileConfig, type FileConfig } from '../core/config/config-file.js';
import type * as ConfigReaderModule from './config-reader.js';
import { sitrepDir } from './xdg-dirs.js';

/** An environment map (the command's, not process.env). */
export type Env = Readonly<Record<string, string | undefined>>;

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

/** Checks a config document; paths in it are relative to the file's folder. Throws ShapeError. */
export function checkConfigDocument(file: string, doc: unknown): FileConfig {
  return readFileConfig(doc, (p) => path.resolve(path.dirname(file), p));
}

/** config-reader.ts: what reads the config file and http_config files (with the YAML parser). */
export type ConfigReader = typeof ConfigReaderModule;

/**
 * config-reader.ts, loaded only when it has a file to read: the config file exists, or
 * `otherFile` says the command names one of its own (`--http.config.file`). Undefined when there
 * is nothing to read, so that a command run without a config file never loads the YAML parser.
 * Every reader of the config file that can do without one decides it here.
 */
export async function configReaderWhenNeeded(env: Env, otherFile = false): Promise<ConfigReader | undefined> {
  if (!otherFile && !fs.existsSync(configFilePath(env))) return undefined;
  return import('./config-reader.js');
}

/**
 * The config file's settings for those that can do without them (the runbook lookup and the
 * runbook library: `runbooks.dirs`, `runbooks.allowed_hosts`): none when there is no file, or
 * when it can not be read, which the commands that need the file report. The YAML reader is
 * loaded only when there is a file.
 */
export async function fileSettingsOrNone(env: Env): Promise<FileConfig> {
  try {
    return (await configReaderWhenNeeded(env))?.readFileSettings(env) ?? {};
  } catch {
    return {};
  }
}
