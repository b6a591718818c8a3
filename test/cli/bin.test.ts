// The built bundle as a user runs it: bin/sitrep, with no terminal attached.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/stack.js';

const bin = path.join(repoRoot, 'bin', 'sitrep');
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

async function sitrep(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(bin, args, { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('bin/sitrep', () => {
  it('prints its version from package.json', async () => {
    const result = await sitrep('--version');
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('prints usage with --help', async () => {
    const result = await sitrep('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage:');
    expect(result.stdout).toContain('sitrep <command> --help');
  });

  it('rejects an unknown flag with one clear line and exit 2', async () => {
    const result = await sitrep('--no-such-flag');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sitrep: unknown option '--no-such-flag'\n/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('rejects an unknown command with exit 2', async () => {
    const result = await sitrep('frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sitrep: unknown command "frobnicate"');
  });

  it('explains, instead of crashing, when there is no terminal for the interactive screen', async () => {
    const result = await sitrep();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the interactive screen needs a terminal');
    expect(result.stderr).not.toContain('Raw mode');
  });
});
