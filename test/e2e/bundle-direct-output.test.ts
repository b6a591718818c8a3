// The built CLI writes a short output straight to its stdout's descriptor, without building
// Node's process.stdout (which loads Node's stream and net modules), and goes through that stream
// once the output grows (src/cli/closed-pipe.ts, processOutput). Both ways give the same bytes, and
// a reader that has gone away still ends the command quietly with exit 0. Runs dist/ (npm run build).
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/timeline/events.js';
import { encodeEvent } from '../../src/core/timeline/journal-codec.js';
import { directLimit } from '../../src/cli/closed-pipe.js';
import { incidentId, sampleEvents } from '../core/timeline/sample-events.js';
import { repoRoot } from '../helpers/stack.js';

let scratch: string;
const bundle = () => path.join(repoRoot, 'dist', 'sitrep.js');
const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
};

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-direct-output-'));
  // Records, as the process exits, whether Node's net module (what process.stdout loads on a pipe) was loaded.
  fs.writeFileSync(
    path.join(scratch, 'net.cjs'),
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(path.join(scratch, 'net.txt'))}, String(process.moduleLoadList.includes('NativeModule net'))));\n`,
  );
});

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const env = () => ({
  PATH: process.env['PATH'],
  XDG_DATA_HOME: path.join(scratch, 'data'),
  XDG_CONFIG_HOME: path.join(scratch, 'config'),
  XDG_CACHE_HOME: path.join(scratch, 'cache'),
});

/** `sitrep …args` with stdout and stderr on pipes; says whether Node's net module was loaded. */
async function run(
  args: readonly string[],
): Promise<{ stdout: string; stderr: string; code: number; net: boolean }> {
  fs.rmSync(path.join(scratch, 'net.txt'), { force: true });
  const child = promisify(execFile)(
    process.execPath,
    ['-r', path.join(scratch, 'net.cjs'), bundle(), ...args],
    {
      env: env(),
      timeout: 30_000,
      maxBuffer: 64 << 20,
    },
  );
  const settled = await child.then(
    ({ stdout, stderr }) => ({ stdout, stderr, code: 0 }),
    (error: { stdout: string; stderr: string; code: number }) => error,
  );
  const net = fs.readFileSync(path.join(scratch, 'net.txt'), 'utf8') === 'true';
  return { stdout: settled.stdout, stderr: settled.stderr, code: settled.code, net };
}

/** Writes the sample incident's journal with `notes` more notes before its last event. */
function journalWithNotes(notes: number): void {
  const dir = path.join(scratch, 'data', 'sitrep', 'incidents');
  fs.mkdirSync(dir, { recursive: true });
  const extra: TimelineEvent[] = Array.from({ length: notes }, (_, i) => ({
    at: new Date(Date.parse('2026-11-23T14:03:30.000Z') + i).toISOString(),
    type: 'note-added',
    text: `note ${i}: web1 still refuses connections, ünïcode · …`,
    author: 'alice',
  }));
  const events = [...sampleEvents.slice(0, -1), ...extra, ...sampleEvents.slice(-1)];
  fs.writeFileSync(path.join(dir, `${incidentId}.jsonl`), events.map((e) => `${encodeEvent(e)}\n`).join(''));
}

describe('output on a pipe', () => {
  it('prints the version and an error without building the stdout or stderr stream', async () => {
    const printed = await run(['--version']);
    expect(printed).toMatchObject({
      stdout: `${version}\n`,
      stderr: '',
      code: 0,
      net: false,
    });
    const unknown = await run(['nosuch']);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^sitrep: unknown command "nosuch"\n {2}Commands: doctor, /);
    expect(unknown.code).toBe(2);
    expect(unknown.net).toBe(false);
  });

  it('writes an export the same whether short (straight) or long (through the stream)', async () => {
    for (const notes of [0, 2000]) {
      journalWithNotes(notes);
      const file = path.join(scratch, `export-${notes}.md`);
      await run(['export', incidentId, '--format', 'md', '-o', file]);
      const expected = fs.readFileSync(file, 'utf8');
      const piped = await run(['export', incidentId, '--format', 'md']);
      expect(Buffer.byteLength(expected) > directLimit).toBe(notes > 0);
      expect(piped.stdout).toBe(expected);
      expect(piped.stderr).toBe('');
      // Only the long one builds Node's stream.
      expect(piped.net).toBe(notes > 0);
    }
  });

  it('ends quietly with exit 0 when the reader has gone away', async () => {
    // A named pipe whose only reader closes before sitrep starts: its first write fails with EPIPE.
    const fifo = path.join(scratch, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const writer = fs.openSync(fifo, fs.constants.O_WRONLY);
    fs.closeSync(reader);
    try {
      for (const args of [['--version'], ['--help']]) {
        const child = spawn(process.execPath, [bundle(), ...args], {
          env: env(),
          stdio: ['ignore', writer, 'pipe'],
        });
        let stderr = '';
        child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const code = await new Promise<number | null>((resolve, reject) => {
          child.on('error', reject);
          child.on('close', resolve);
        });
        expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      }
    } finally {
      fs.closeSync(writer);
    }
  });
});
