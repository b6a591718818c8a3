// Where `sitrep export` writes its text: `-o FILE` replaces FILE only once the document is complete
// (keeping its permissions, leaving nothing beside it), and stdout gets the document as it is made,
// waiting for a slow reader instead of queueing the whole document in memory.
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { largeJournal } from '../core/export/large-journal.js';
import { incidentHome, type IncidentHome } from '../helpers/incident-home.js';
import { runCli } from '../helpers/run-cli.js';

const id = '2026-11-23-HaproxyServerConnectionErrors-3f2a';
let home = '';
let env: Record<string, string>;
let scratch: IncidentHome | undefined;

beforeAll(() => {
  scratch = incidentHome('export-output', { [id]: largeJournal(10_000) });
  ({ home, env } = scratch);
});

afterAll(() => scratch?.remove());

describe('sitrep export -o FILE', () => {
  it('replaces an existing FILE with the whole document, keeping its mode, leaving nothing beside it', async () => {
    const out = path.join(home, 'out');
    fs.mkdirSync(out);
    const file = path.join(out, 'notes.md');
    fs.writeFileSync(file, 'the old notes, longer than the new ones\n'.repeat(1_000_000), { mode: 0o640 });
    for (const format of ['md', 'json', 'html']) {
      const written = await runCli(['export', id, '--format', format, '-o', file], env);
      expect(written).toEqual({ code: 0, stdout: `Wrote ${file} (10000 events).\n`, stderr: '' });
      const printed = await runCli(['export', id, '--format', format], env);
      expect(fs.readFileSync(file, 'utf8')).toBe(printed.stdout);
      expect(fs.statSync(file).mode & 0o777).toBe(0o640);
      expect(fs.readdirSync(out)).toEqual(['notes.md']);
    }
  });

  it('reports a FILE it cannot write (a folder), naming it, and leaves nothing beside it', async () => {
    const out = path.join(home, 'readonly-target');
    fs.mkdirSync(out);
    const file = path.join(out, 'notes.md');
    fs.mkdirSync(file);
    const result = await runCli(['export', id, '-o', file], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^sitrep: could not write ${file}: EISDIR`));
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(fs.readdirSync(out)).toEqual(['notes.md']);
  });
});

describe('sitrep export to stdout', () => {
  it('waits for a slow reader: the document is never queued whole', async () => {
    const chunks: Buffer[] = [];
    let mostQueued = 0;
    // A reader that takes one chunk per turn of the event loop, with Node's default 16 KiB mark.
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        setImmediate(done);
      },
    });
    const write = stdout.write.bind(stdout);
    const context = {
      stdout: Object.assign(stdout, {
        write: (chunk: string | Uint8Array) => {
          const taken = write(chunk);
          mostQueued = Math.max(mostQueued, stdout.writableLength);
          return taken;
        },
      }),
      stderr: { write: () => true },
      stdinIsTTY: false,
      env,
      cwd: home,
    };
    expect(await main(['export', id], context)).toBe(0);
    const printed = await runCli(['export', id], env);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(printed.stdout);
    expect(printed.stdout.length).toBeGreaterThan(1_000_000);
    // One batch (64 KiB of text, at most three bytes a character) at a time, not megabytes.
    expect(mostQueued).toBeLessThanOrEqual(3 * 64 * 1024 + 64 * 1024);
  });
});
