import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { configDir, configFilePath } from '../../src/store/config-path.js';
import { readHttpConfigFile } from '../../src/store/config-reader.js';
import { openSettings } from '../../src/store/settings.js';
import { ConfigFileError } from '../../src/store/yaml-file.js';

let home: string;
let env: Record<string, string>;
beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-settings-'));
  env = { XDG_CONFIG_HOME: home, HOME: '/nonexistent' };
});

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

function writeConfig(text: string, mode = 0o600) {
  fs.mkdirSync(configDir(env), { recursive: true });
  fs.writeFileSync(configFilePath(env), text, { mode });
}

describe('where the config file lives', () => {
  it('is $XDG_CONFIG_HOME/sitrep/config.yml, else ~/.config (a relative XDG value is ignored)', () => {
    expect(configFilePath(env)).toBe(path.join(home, 'sitrep', 'config.yml'));
    expect(configFilePath({ XDG_CONFIG_HOME: 'relative', HOME: '/home/u' })).toBe(
      '/home/u/.config/sitrep/config.yml',
    );
  });

  it('is not created by reading', () => {
    const settings = openSettings(env);
    expect(settings.document()).toEqual({});
    expect(settings.fileConfig()).toEqual({});
    expect(fs.existsSync(path.join(home, 'sitrep'))).toBe(false);
  });
});

describe('config set and unset', () => {
  it('writes YAML with mode 0600 and reads it back', () => {
    const settings = openSettings(env);
    settings.set('prometheus.url', 'https://mimir.example/prometheus');
    settings.set('prometheus.headers.X-Scope-OrgID', 'team-a');
    settings.set('prometheus.tls_config.insecure_skip_verify', 'false');
    settings.set('timeout', '10s');
    const file = configFilePath(env);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      [
        'prometheus:',
        '  url: https://mimir.example/prometheus',
        '  headers:',
        '    X-Scope-OrgID: team-a',
        '  tls_config:',
        '    insecure_skip_verify: false',
        'timeout: 10s',
        '',
      ].join('\n'),
    );
    expect(openSettings(env).fileConfig()).toMatchObject({
      timeoutMs: 10_000,
      prometheus: { url: 'https://mimir.example/prometheus' },
    });
  });

  it('tightens a file that was readable by others to 0600 when it writes it', () => {
    writeConfig('timeout: 5s\n', 0o644);
    openSettings(env).set('output', 'json');
    expect(fs.statSync(configFilePath(env)).mode & 0o777).toBe(0o600);
  });

  it('refuses a value that would make the file invalid, and changes nothing', () => {
    writeConfig('timeout: 5s\n');
    const error = thrown(() => openSettings(env).set('timeout', 'soon'));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      'config: timeout: "soon" is not a positive duration (e.g. 10s, 1m30s, 500ms) (nothing was changed)',
    );
    expect(thrown(() => openSettings(env).set('alertmanager.url.x', 'y')).message).toMatch(
      /not a map|expected/,
    );
    expect(thrown(() => openSettings(env).set('tls_config.insecure_skip_verify', 'yes')).message).toContain(
      'expected true or false',
    );
    expect(fs.readFileSync(configFilePath(env), 'utf8')).toBe('timeout: 5s\n');
  });

  it('unsets keys, saying when there was nothing to unset', () => {
    const settings = openSettings(env);
    settings.set('alertmanager.url', 'http://am:9093');
    settings.set('output', 'json');
    expect(settings.unset('alertmanager')).toBe(true);
    expect(settings.unset('alertmanager')).toBe(false);
    expect(settings.document()).toEqual({ output: 'json' });
  });
});

describe('an invalid config file', () => {
  it('names the file and line of a YAML syntax error, and is never overwritten', () => {
    writeConfig('timeout: 5s\nalertmanager:\n  url: [unclosed\n');
    const before = fs.readFileSync(configFilePath(env), 'utf8');
    const error = thrown(() => openSettings(env).fileConfig());
    expect(error).toBeInstanceOf(ConfigFileError);
    expect(error.message).toMatch(new RegExp(`^${configFilePath(env)}:\\d+: not valid YAML`));
    expect(thrown(() => openSettings(env).set('timeout', '1s'))).toBeInstanceOf(ConfigFileError);
    expect(fs.readFileSync(configFilePath(env), 'utf8')).toBe(before);
  });

  it('names the file, line and key of a value that fails the check', () => {
    writeConfig(
      [
        'output: simple',
        'alertmanager:',
        '  - url: http://a:9093',
        '  - url: http://b:9093',
        '    timeout: 10x',
        '',
      ].join('\n'),
    );
    const error = thrown(() => openSettings(env).fileConfig()) as ConfigFileError;
    expect(error.message).toBe(
      `${configFilePath(env)}:5: alertmanager[1].timeout: "10x" is not a positive duration (e.g. 10s, 1m30s, 500ms)`,
    );
    expect(error.line).toBe(5);
    expect(error.exitCode).toBe(2);
  });

  it('names a misspelt key on its line', () => {
    writeConfig('prometheus:\n  url: http://p:9090\n  tls_confg: {}\n');
    expect(thrown(() => openSettings(env).fileConfig()).message).toMatch(
      /config\.yml:3: prometheus\.tls_confg: unknown key/,
    );
  });
});

describe('readHttpConfigFile', () => {
  it('reads the Prometheus http_config shape, with paths relative to the file', () => {
    const file = path.join(home, 'http.yml');
    fs.writeFileSync(
      file,
      'authorization:\n  credentials_file: token\ntls_config:\n  ca_file: /etc/ca.pem\n',
    );
    expect(readHttpConfigFile(file)).toEqual({
      auth: {
        kind: 'authorization',
        type: 'Bearer',
        credentials: { kind: 'file', path: path.join(home, 'token') },
      },
      tls: { caFile: '/etc/ca.pem' },
    });
  });

  it('names a missing file, and the line of a bad key', () => {
    expect(thrown(() => readHttpConfigFile(path.join(home, 'nope.yml'))).message).toBe(
      `${path.join(home, 'nope.yml')}: cannot read it (ENOENT)`,
    );
    const file = path.join(home, 'bad.yml');
    fs.writeFileSync(file, 'basic_auth:\n  username: u\n  pasword: p\n');
    expect(thrown(() => readHttpConfigFile(file)).message).toBe(
      `${file}:3: basic_auth.pasword: unknown key (expected one of: username, password, password_file)`,
    );
  });
});
