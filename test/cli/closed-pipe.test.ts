// `sitrep alerts | head -1`: when the reader closes the pipe, sitrep stops quietly with exit 0, as
// `git log | head` does, instead of printing an EPIPE stack. Runs the built binary (npm run build).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEvent } from '../../src/core/timeline/journal-codec.js';
import { largeJournal } from '../core/export/large-journal.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { manyAlertsBody } from '../helpers/many-alerts.js';
import { tempConfigHome } from '../helpers/run-cli.js';
import { repoRoot } from '../helpers/stack.js';

let am: FaultServer;
beforeAll(async () => {
  am = await startFaultServer({
    '/api/v2/alerts': { kind: 'text', body: manyAlertsBody(5000), contentType: 'application/json' },
  });
});
afterAll(() => am.close());

// Reads sitrep's first output, then closes the pipe, as `| head -c 4096` does (a compact --json
// document is one long line: `head -1` would read all of it).
function firstLineThenClose(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ line: string; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, 'bin', 'sitrep'), args, {
      env: {
        PATH: process.env['PATH'],
        XDG_CONFIG_HOME: tempConfigHome(),
        XDG_DATA_HOME: tempConfigHome(),
        XDG_CACHE_HOME: tempConfigHome(),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let line: string | undefined;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (line === undefined) {
        line = out.split('\n')[0] ?? '';
        child.stdout.destroy();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ line: line ?? '', code, stderr }));
  });
}

describe('a closed pipe', () => {
  const flags = () => ['--alertmanager.url', am.url, '--prometheus.url='];

  it('ends `sitrep alerts | head -1` quietly with exit 0', async () => {
    const result = await firstLineThenClose(['alerts', ...flags()]);
    expect(result.line).toMatch(/^SEVERITY\s+ALERTNAME/);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('ends `sitrep alerts --json | head -c 4096` quietly with exit 0', async () => {
    const result = await firstLineThenClose([...flags(), 'alerts', '--json']);
    // Compact through a pipe: the document starts on its first line.
    expect(result.line).toMatch(/^\{"version":1,/);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('ends `sitrep export ID | head -1` of a long incident quietly with exit 0', async () => {
    const data = tempConfigHome();
    const dir = path.join(data, 'sitrep', 'incidents');
    fs.mkdirSync(dir, { recursive: true });
    const id = '2026-11-23-HaproxyServerConnectionErrors-3f2a';
    const events = largeJournal(10_000);
    fs.writeFileSync(path.join(dir, `${id}.jsonl`), events.map((e) => `${encodeEvent(e)}\n`).join(''));
    for (const format of ['md', 'json']) {
      const result = await firstLineThenClose(['export', id, '--format', format], { XDG_DATA_HOME: data });
      expect(result.line).toBe(format === 'md' ? '# Postmortem: HaproxyServerConnectionErrors' : '{');
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
  });
});
