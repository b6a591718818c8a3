// Reading the config file, which every command that talks to servers does at start-up. Plain fs
// and yaml: conf (and the JSON-schema machinery it brings) is loaded only by `sitrep config`,
// which is the one command that writes the file (src/store/settings.ts).
import fs from 'node:fs';
import type { FileConfig } from '../core/config/config-file.js';
import { readHttpConfigDocument, type HttpSettings } from '../core/config/http-config.js';
import { checkConfigDocument, configFilePath, type Env } from './config-path.js';
import { readYamlConfig } from './yaml-file.js';

/** The config file as written (empty when there is none), already checked. Throws ConfigFileError. */
export function readConfigDocument(file: string): Record<string, unknown> {
  if (!fs.existsSync(file)) return {};
  // Read by readYamlConfig: a file there that cannot be read (a folder) is an error naming it.
  const value = readYamlConfig(file, (doc) => {
    checkConfigDocument(file, doc);
    return doc;
  });
  return (value ?? {}) as Record<string, unknown>;
}

/** The file's settings for resolution (flags > env > file > defaults). Throws ConfigFileError. */
export function readFileSettings(env: Env): FileConfig {
  const file = configFilePath(env);
  return checkConfigDocument(file, readConfigDocument(file));
}

/** Reads a `--http.config.file` (or `http_config_file`) document. Throws ConfigFileError. */
export function readHttpConfigFile(file: string): HttpSettings {
  return readYamlConfig(file, readHttpConfigDocument);
}
