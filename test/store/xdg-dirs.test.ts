import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runbookCacheDir } from '../../src/store/runbook-cache.js';
import { configFilePath } from '../../src/store/config-path.js';
import { sitrepDir } from '../../src/store/xdg-dirs.js';

describe('sitrepDir', () => {
  it('takes each XDG variable when absolute, else the spec default under HOME', () => {
    const env = { XDG_CONFIG_HOME: '/c', XDG_DATA_HOME: '/d', XDG_CACHE_HOME: '/k', HOME: '/home/a' };
    expect([sitrepDir(env, 'config'), sitrepDir(env, 'data'), sitrepDir(env, 'cache')]).toEqual([
      '/c/sitrep',
      '/d/sitrep',
      '/k/sitrep',
    ]);
    const relative = { XDG_CONFIG_HOME: 'c', XDG_DATA_HOME: 'd', XDG_CACHE_HOME: '', HOME: '/home/a' };
    expect([
      sitrepDir(relative, 'config'),
      sitrepDir(relative, 'data'),
      sitrepDir(relative, 'cache'),
    ]).toEqual(['/home/a/.config/sitrep', '/home/a/.local/share/sitrep', '/home/a/.cache/sitrep']);
    expect(sitrepDir({}, 'cache')).toBe(path.join(os.homedir(), '.cache', 'sitrep'));
  });

  it('places the config file and the runbook cache in their folders', () => {
    expect(configFilePath({ HOME: '/home/a' })).toBe('/home/a/.config/sitrep/config.yml');
    expect(runbookCacheDir({ XDG_CACHE_HOME: '/k', HOME: '/home/a' })).toBe('/k/sitrep/runbooks');
  });
});
