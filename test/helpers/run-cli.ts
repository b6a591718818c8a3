// Runs sitrep's main() in-process with captured output and a chosen environment: fast tests of a
// command's behaviour without building the bundle. (test/cli/bin.test.ts covers the real binary.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

/** What a run printed and returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fresh, empty config home (XDG_CONFIG_HOME) for one test. */
export function tempConfigHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-cli-'));
}

/**
 * Runs `sitrep ...args` with exactly this environment (nothing from process.env leaks in), except
 * that without HOME or XDG_CACHE_HOME the caches go to a fresh temp folder, not the real home.
 */
export async function runCli(
  args: readonly string[],
  env: Record<string, string | undefined>,
  options: { cwd?: string; columns?: number; stdin?: string } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: {
      write: (text: string) => (stdout += text),
      isTTY: options.columns !== undefined,
      ...(options.columns !== undefined ? { columns: options.columns } : {}),
    },
    stderr: { write: (text: string) => (stderr += text) },
    stdinIsTTY: false,
    env: env['HOME'] || env['XDG_CACHE_HOME'] ? env : { ...env, XDG_CACHE_HOME: tempConfigHome() },
    cwd: options.cwd ?? process.cwd(),
    ...(options.stdin !== undefined ? { readStdin: () => Promise.resolve(options.stdin ?? '') } : {}),
  });
  return { code, stdout, stderr };
}
