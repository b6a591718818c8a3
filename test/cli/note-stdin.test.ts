// `sitrep note ID -` takes the note from stdin, for `some-command | sitrep note 3f2a -`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeEvent, parseJournal } from '../../src/core/timeline/journal-codec.js';
import { runCli } from '../helpers/run-cli.js';

const id = '2026-11-25-Latency-c1c1';

function setUp() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-note-stdin-'));
  const dir = path.join(home, 'data', 'sitrep', 'incidents');
  fs.mkdirSync(dir, { recursive: true });
  const at = '2026-11-25T08:00:00.000Z';
  const opened = {
    at,
    type: 'incident-opened',
    id,
    title: 'Latency',
    alertname: 'Latency',
    severity: 'warning',
    alerts: [{ fingerprint: 'fp', labels: { alertname: 'Latency' }, startsAt: at }],
  } as const;
  fs.writeFileSync(path.join(dir, `${id}.jsonl`), `${encodeEvent(opened)}\n`);
  const env = { XDG_DATA_HOME: path.join(home, 'data'), HOME: home, USER: 'alice' };
  const notes = () =>
    parseJournal(fs.readFileSync(path.join(dir, `${id}.jsonl`), 'utf8'))
      .events.filter((e) => e.type === 'note-added')
      .map((e) => (e.type === 'note-added' ? e.text : ''));
  return { env, notes };
}

describe('sitrep note ID -', () => {
  it('reads the note from stdin, several lines kept', async () => {
    const { env, notes } = setUp();
    const result = await runCli(['note', 'c1c1', '-'], env, { stdin: 'lag 4s on db2\nfailover started\n' });
    expect(result).toMatchObject({ code: 0, stdout: `Noted in ${id}.\n` });
    expect(notes()).toEqual(['lag 4s on db2\nfailover started']);
  });

  it('reads stdin for the latest open incident with `note -`', async () => {
    const { env, notes } = setUp();
    expect((await runCli(['note', '-'], env, { stdin: 'from a pipe' })).code).toBe(0);
    expect(notes()).toEqual(['from a pipe']);
  });

  it('refuses an empty stdin and records nothing', async () => {
    const { env, notes } = setUp();
    const result = await runCli(['note', 'c1c1', '-'], env, { stdin: '  \n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('note: the note is empty');
    expect(notes()).toEqual([]);
  });
});

describe('bin/sitrep note -', () => {
  it('reads a real pipe', async () => {
    const { env, notes } = setUp();
    const { execFile } = await import('node:child_process');
    const { repoRoot } = await import('../helpers/stack.js');
    const code = await new Promise<number>((resolve) => {
      const child = execFile(path.join(repoRoot, 'bin', 'sitrep'), ['note', 'c1c1', '-'], {
        env: { ...env, PATH: process.env['PATH'] },
      });
      child.on('close', (c) => resolve(c ?? -1));
      child.stdin?.end('piped in\n');
    });
    expect(code).toBe(0);
    expect(notes()).toEqual(['piped in']);
  });
});
