// Unsaved journal events on exit (issue #11, defect 3): one more attempt, then a recovery file in
// a writable place and words saying what was not saved; and a real process ended by SIGTERM does
// the same before the signal ends it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { encodeEvent, parseJournal } from '../../src/core/timeline/journal-codec.js';
import { Journal, openJournals } from '../../src/store/journal.js';
import { describeUnsaved, rescueOpenJournals } from '../../src/store/journal-rescue.js';
import { sampleEvents } from '../core/timeline/sample-events.js';
import { FaultyFs } from './faulty-fs.js';
import { tempDirs } from './temp-dir.js';

const tempDir = tempDirs();
const here = path.dirname(fileURLToPath(import.meta.url));

describe('rescueOpenJournals', () => {
  it('tries once more, then saves what the full disk refused to a recovery file and says so', async () => {
    const dir = tempDir();
    const recovery = tempDir();
    const faulty = new FaultyFs();
    const [first, second, third] = sampleEvents;
    const journal = await Journal.create(path.join(dir, 'inc-1.jsonl'), first!, {
      fs: faulty.fs,
      retryDelaysMs: [60_000],
    });
    faulty.fail('write', 'ENOSPC', 3); // the next append and the rescue's one more attempt
    await journal.append(second!);
    await journal.append(third!);
    expect(journal.status().pending).toBe(2);

    const reports = await rescueOpenJournals(recovery, () => 1_700_000_000_000);
    expect(openJournals()).not.toContain(journal);
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report?.events).toEqual([second, third]);
    const file = path.join(recovery, 'sitrep-unsaved-inc-1-1700000000000.jsonl');
    expect(report?.recoveryFile).toBe(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${encodeEvent(second!)}\n${encodeEvent(third!)}\n`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(parseJournal(fs.readFileSync(path.join(dir, 'inc-1.jsonl'), 'utf8')).events).toEqual([first]);

    const text = describeUnsaved(reports);
    expect(text).toContain(`sitrep: 2 event(s) were NOT saved to ${path.join(dir, 'inc-1.jsonl')}`);
    expect(text).toContain('disk is full');
    expect(text).toContain(`cat ${file} >> ${path.join(dir, 'inc-1.jsonl')}`);
  });

  it('reports nothing when the last attempt lands', async () => {
    const dir = tempDir();
    const faulty = new FaultyFs();
    const [first, second] = sampleEvents;
    const journal = await Journal.create(path.join(dir, 'inc-2.jsonl'), first!, {
      fs: faulty.fs,
      retryDelaysMs: [60_000],
    });
    faulty.fail('write', 'ENOSPC', 1);
    await journal.append(second!);
    expect(journal.status().pending).toBe(1);
    expect(await rescueOpenJournals(tempDir())).toEqual([]);
    expect(parseJournal(fs.readFileSync(journal.path, 'utf8')).events).toEqual([first, second]);
  });
});

describe('SIGTERM with unsaved events', () => {
  it('prints what was not saved, writes the recovery file, and still dies by SIGTERM', async () => {
    const dir = tempDir();
    const script = path.join(dir, 'unsaved.mjs');
    await build({
      entryPoints: [path.join(here, 'unsaved-on-signal.child.ts')],
      outfile: script,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'warning',
    });
    const child = spawn(process.execPath, [script, path.join(dir, 'inc.jsonl'), dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('ready\n')) child.kill('SIGTERM');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('exit', (c, s) => resolve([c, s])),
    );
    expect([code, signal]).toEqual([null, 'SIGTERM']);
    expect(stderr).toContain('1 event(s) were NOT saved');
    expect(stderr).toContain('"text":"kept in memory"');
    const recovery = fs.readdirSync(dir).filter((f) => f.startsWith('sitrep-unsaved-inc-'));
    expect(recovery).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, recovery[0] ?? ''), 'utf8')).toContain('kept in memory');
  });
});
