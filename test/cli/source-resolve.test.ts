// `sitrep alerts` and `sitrep export` resolve their sources without loading the YAML reader when
// there is no file for them to read (resolveSourceOptionsQuickly). It must give what resolveSourceOptions gives, values and
// errors alike, with and without a config file, an http config file, flags and the environment.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/command.js';
import type { GlobalValues } from '../../src/cli/global-flags.js';
import { resolveSourceOptions } from '../../src/cli/source-options.js';
import { resolveSourceOptionsQuickly } from '../../src/cli/source-resolve.js';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-source-resolve-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

function context(env: Record<string, string>, globals: GlobalValues = {}): CommandContext {
  const sink = { write: () => true };
  return {
    stdout: sink,
    stderr: sink,
    stdinIsTTY: false,
    env: { HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), ...env },
    cwd: home,
    globals,
  };
}

/** What a resolution gave: its result with the unconfigured set as a list, or the error's words. */
async function outcome(resolve: () => unknown): Promise<unknown> {
  try {
    const { config, warnings, unconfigured } = (await resolve()) as Awaited<
      ReturnType<typeof resolveSourceOptionsQuickly>
    >;
    return { config, warnings, unconfigured: [...unconfigured] };
  } catch (error) {
    return { error: String(error), name: (error as Error).name, hint: (error as { hint?: string }).hint };
  }
}

const file = (name: string, text: string): string => {
  const where = path.join(home, name);
  fs.writeFileSync(where, text);
  return where;
};

describe('resolveSourceOptionsQuickly', () => {
  const cases: { name: string; env: Record<string, string>; globals?: GlobalValues }[] = [
    { name: 'no config file', env: {} },
    {
      name: 'URLs from the environment',
      env: { SITREP_PROMETHEUS_URL: 'http://p:9090', SITREP_ALERTMANAGER_URL: 'http://a:9093' },
    },
    { name: 'a bad URL in the environment', env: { SITREP_PROMETHEUS_URL: 'not a url' } },
    {
      name: 'URL flags',
      env: {},
      globals: {
        'prometheus.url': 'http://flag:9090',
        'alertmanager.url': ['http://a1', 'http://a2'],
        timeout: '3s',
      },
    },
    { name: 'a bad timeout flag', env: {}, globals: { timeout: 'soon' } },
    {
      name: 'a config file',
      env: { SITREP_CONFIG_FILE: file('good.yml', 'timeout: 5s\nprometheus:\n  url: http://file:9090\n') },
    },
    {
      name: 'a config file that is not YAML',
      env: { SITREP_CONFIG_FILE: file('broken.yml', 'timeout: [\n') },
    },
    {
      name: 'a config file with an unknown key',
      env: { SITREP_CONFIG_FILE: file('odd.yml', 'prometheus:\n  url: http://p\n  bogus: 1\n') },
    },
    {
      name: 'a config file naming an http config file that is missing',
      env: { SITREP_CONFIG_FILE: file('http.yml', 'http_config_file: nowhere.yml\n') },
    },
    {
      name: 'an http config flag',
      env: {},
      globals: { 'http.config.file': file('auth.yml', 'basic_auth:\n  username: u\n  password: p\n') },
    },
    {
      name: 'an http config flag naming a missing file',
      env: {},
      globals: { 'http.config.file': 'missing.yml' },
    },
  ];

  it.each(cases)('gives what resolveSourceOptions gives: $name', async ({ env, globals }) => {
    const given = context(env, globals);
    const expected = await outcome(() => resolveSourceOptions({}, given));
    expect(await outcome(() => resolveSourceOptionsQuickly({}, given))).toEqual(expected);
  });

  it('says a config file that cannot be read (a folder) is unusable, naming it, both ways', async () => {
    const folder = path.join(home, 'folder.yml');
    fs.mkdirSync(folder, { recursive: true });
    const given = context({ SITREP_CONFIG_FILE: folder });
    const expected = await outcome(() => resolveSourceOptions({}, given));
    expect(expected).toMatchObject({
      name: 'ConfigFileError',
      error: expect.stringContaining(folder) as unknown,
    });
    expect(await outcome(() => resolveSourceOptionsQuickly({}, given))).toEqual(expected);
  });

  it('reads the default config file when there is one', async () => {
    fs.mkdirSync(path.join(home, 'config', 'sitrep'), { recursive: true });
    fs.writeFileSync(
      path.join(home, 'config', 'sitrep', 'config.yml'),
      'prometheus: http://default-file:9090\n',
    );
    const lazily = await resolveSourceOptionsQuickly({}, context({}));
    expect(lazily.config.prometheus?.url).toBe('http://default-file:9090');
    expect(await outcome(() => resolveSourceOptionsQuickly({}, context({})))).toEqual(
      await outcome(() => resolveSourceOptions({}, context({}))),
    );
  });
});
