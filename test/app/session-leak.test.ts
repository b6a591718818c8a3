// No file handle is left to the garbage collector: Node would print DEP0137 over the screen.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
let workDir = '';
let script = '';

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-leak-'));
  // Inside the checkout, so the packages left external resolve from its node_modules.
  const cache = path.join(here, '..', '..', 'node_modules', '.cache', 'sitrep-tests');
  fs.mkdirSync(cache, { recursive: true });
  script = path.join(cache, `session-leak-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(here, 'session-leak.child.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.rmSync(script, { force: true });
});

describe('sessions release their journals', () => {
  it('prints no DEP0137 warning after a second incident and a failed open, collecting garbage', () => {
    const journals = path.join(workDir, 'incidents');
    const child = spawnSync(process.execPath, ['--expose-gc', script, journals], {
      cwd: path.join(here, '..', '..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stdout).toContain('done gc');
    expect(child.stderr).not.toMatch(/DEP0137|Closing file descriptor/);
    expect(fs.readdirSync(journals).filter((f) => f.endsWith('.jsonl'))).toHaveLength(3);
  });
});
