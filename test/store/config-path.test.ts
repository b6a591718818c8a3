// configReaderWhenNeeded: whether a command reads the config file (and loads the YAML reader to do
// so) is decided there, for the source flags, the runbook lookup and the runbook library alike.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configReaderWhenNeeded, fileSettingsOrNone } from '../../src/store/config-path.js';
import { tempDirs } from './temp-dir.js';

const newDir = tempDirs();

describe('configReaderWhenNeeded', () => {
  it('gives no reader without a config file, unless the command names a file of its own', async () => {
    const env = { XDG_CONFIG_HOME: newDir() };
    expect(await configReaderWhenNeeded(env)).toBeUndefined();
    // A `--http.config.file`: the reader is loaded to read it, and finds no config file beside it.
    const reader = await configReaderWhenNeeded(env, true);
    expect(reader?.readFileSettings(env).runbookDirs).toBeUndefined();
  });

  it('gives the reader of the file there is, at SITREP_CONFIG_FILE or in the config folder', async () => {
    const dir = newDir();
    const file = path.join(dir, 'sitrep', 'config.yml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'runbooks:\n  dirs: [team]\n');
    for (const env of [{ XDG_CONFIG_HOME: dir }, { XDG_CONFIG_HOME: newDir(), SITREP_CONFIG_FILE: file }]) {
      const reader = await configReaderWhenNeeded(env);
      expect(reader?.readFileSettings(env).runbookDirs).toEqual([path.join(dir, 'sitrep', 'team')]);
    }
    expect(
      await configReaderWhenNeeded({ XDG_CONFIG_HOME: dir, SITREP_CONFIG_FILE: path.join(dir, 'none.yml') }),
    ).toBeUndefined();
  });
});

describe('fileSettingsOrNone', () => {
  it('gives the file’s settings, and none when there is no file or it can not be read', async () => {
    const dir = newDir();
    const file = path.join(dir, 'sitrep', 'config.yml');
    const env = { XDG_CONFIG_HOME: dir };
    expect(await fileSettingsOrNone(env)).toEqual({});
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'runbooks:\n  allowed_hosts: [wiki.example.com]\n');
    expect((await fileSettingsOrNone(env)).runbookAllowedHosts).toEqual(['wiki.example.com']);
    fs.writeFileSync(file, 'runbooks: [\n');
    expect(await fileSettingsOrNone(env)).toEqual({});
    fs.rmSync(file);
    fs.mkdirSync(file);
    expect(await fileSettingsOrNone(env)).toEqual({});
  });
});
