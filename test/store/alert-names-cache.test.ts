// The completion cache of alert names: rewritten when the names change, left alone when a run
// lists the same ones (most runs do), and never holding a name a shell would interpret.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alertNamesFile, writeAlertNames } from '../../src/store/alert-names-cache.js';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-alert-names-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));
const env = { XDG_CACHE_HOME: home };
const file = alertNamesFile(env);

describe('writeAlertNames', () => {
  it('writes valid names sorted once, and replaces the file only when they change', () => {
    writeAlertNames(env, ['HaproxyDown', 'DiskFull', 'Evil;rm -rf', 'DiskFull']);
    expect(fs.readFileSync(file, 'utf8')).toBe('DiskFull\nHaproxyDown\n');
    const first = fs.statSync(file).ino;
    writeAlertNames(env, ['DiskFull', 'HaproxyDown']);
    expect(fs.statSync(file).ino).toBe(first);
    writeAlertNames(env, ['DiskFull']);
    expect(fs.readFileSync(file, 'utf8')).toBe('DiskFull\n');
    expect(fs.statSync(file).ino).not.toBe(first);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['alert-names']);
  });
});
