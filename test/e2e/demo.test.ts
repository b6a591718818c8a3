// `npm run demo` without a terminal, on a stack of its own (ports from base 12000): it says it is
// waiting for the alert, and sitrep runs with the demo's own folder (.stack/demo) for incidents,
// exports, config and caches, never the user's.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, stack, stackEnv } from '../helpers/stack.js';

const demoStack = stackEnv('demo-test', 12000);
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-demo-home-'));
const demoDir = path.join(repoRoot, '.stack', 'demo');

afterAll(async () => {
  await stack(demoStack, 'down');
}, 120_000);

describe.skipIf(process.env['SITREP_TEST_NO_STACK'] === '1')('npm run demo', () => {
  it('waits for the alert with a word, and keeps its data in .stack/demo', async () => {
    const rootMarkdown = () => fs.readdirSync(repoRoot).filter((f) => f.endsWith('.md'));
    const before = rootMarkdown();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(repoRoot, 'scripts', 'demo.mjs'), 'doctor'],
      {
        cwd: repoRoot,
        env: { PATH: process.env['PATH'] ?? '', HOME: home, ...demoStack },
        timeout: 280_000,
        maxBuffer: 8 * 1024 * 1024,
      },
    );
    expect(stdout).toContain('waiting for the alert to fire (about 30 s)…');
    expect(stdout).toContain(`ok    config file ${path.join(demoDir, 'config', 'sitrep', 'config.yml')}`);
    expect(stdout).toContain(`journal folder ${path.join(demoDir, 'data', 'sitrep', 'incidents')}`);
    expect(stdout).toContain('Nothing wrong.');
    expect(stdout).toContain("The demo's incidents and exports are in .stack/demo.");
    expect(fs.existsSync(path.join(home, '.local', 'share', 'sitrep'))).toBe(false);
    expect(fs.existsSync(path.join(home, '.config', 'sitrep'))).toBe(false);
    expect(rootMarkdown()).toEqual(before);
  }, 300_000);
});
