import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/timeline/events.js';
import { fold } from '../../src/core/timeline/fold.js';
import { encodeEvent, parseJournal } from '../../src/core/timeline/journal-codec.js';
import { Journal } from '../../src/store/journal.js';
import { sampleEvents } from '../core/timeline/sample-events.js';
import { FaultyFs } from './faulty-fs.js';
import { tempDirs } from './temp-dir.js';

const tempDir = tempDirs();
const opened = sampleEvents[0] as TimelineEvent;

function note(i: number, text = `note ${i}`): TimelineEvent {
  return { at: new Date(Date.UTC(2026, 10, 23, 14, 5, i)).toISOString(), type: 'note-added', text };
}

function readEvents(file: string) {
  return parseJournal(fs.readFileSync(file, 'utf8'));
}

describe('Journal', () => {
  it('writes one line per event, creating the folder, and reads them back when reopened', async () => {
    const file = path.join(tempDir(), 'deep', 'folder', 'x.jsonl');
    const journal = await Journal.create(file, opened);
    expect(await journal.append(note(1))).toEqual({ recorded: true });
    expect(await journal.append(note(2))).toEqual({ recorded: true });
    expect(journal.status()).toEqual({ recorded: 3, pending: 0, error: undefined });
    await journal.close();

    expect(fs.readFileSync(file, 'utf8')).toBe(
      [opened, note(1), note(2)].map((e) => `${encodeEvent(e)}\n`).join(''),
    );
    const again = await Journal.open(file);
    expect(again.events()).toEqual([opened, note(1), note(2)]);
    expect(again.warnings).toEqual([]);
    expect(again.incident()?.notes.map((n) => n.text)).toEqual(['note 1', 'note 2']);
    await again.close();
  });

  it('keeps the incident up to date event by event: the same as a fold of every event, after each append', async () => {
    const file = path.join(tempDir(), 'x.jsonl');
    const first = await Journal.create(file, opened);
    await first.close();
    const journal = await Journal.open(file);
    const before = journal.incident();
    // The whole sample incident again (a second incident-opened, steps, probes, silences, closing),
    // then notes after it was closed: each kind of event, including those fold ignores.
    for (const event of [...sampleEvents, note(1), note(2)]) {
      await journal.append(event);
      expect(journal.incident()).toEqual(fold(journal.events()));
    }
    expect(journal.incident()?.problems.length).toBeGreaterThan(0);
    expect(journal.incident()?.eventCount).toBe(sampleEvents.length + 3);
    // The state handed out before is a snapshot: later events did not change it.
    expect(before).toEqual(fold([opened]));
    await journal.close();
  });

  it('resolves an append only after its line was written and fsynced', async () => {
    const faulty = new FaultyFs();
    const journal = await Journal.create(path.join(tempDir(), 'x.jsonl'), opened, { fs: faulty.fs });
    faulty.calls.length = 0;
    const order: string[] = [];
    const done = journal.append(note(1)).then(() => order.push(`resolved after ${faulty.calls.join(',')}`));
    await done;
    expect(order).toEqual(['resolved after write,sync']);
    await journal.close();
  });

  it('hands out snapshots: the same objects until something changes, new ones after', async () => {
    const journal = await Journal.create(path.join(tempDir(), 'x.jsonl'), opened);
    const [status, events] = [journal.status(), journal.events()];
    expect(journal.status()).toBe(status);
    expect(journal.events()).toBe(events);
    let changes = 0;
    journal.subscribe(() => (changes += 1));
    await journal.append(note(1));
    expect(changes).toBe(2); // queued, then recorded
    expect(journal.status()).not.toBe(status);
    expect(journal.status()).toEqual({ recorded: 2, pending: 0, error: undefined });
    expect(journal.events()).not.toBe(events);
    expect(events).toEqual([opened]);
    await journal.close();
  });

  it('sets a torn last line aside in a .torn file, keeps the rest, and appends on a fresh line', async () => {
    const file = path.join(tempDir(), 'x.jsonl');
    const whole = [opened, note(1)].map((e) => `${encodeEvent(e)}\n`).join('');
    const torn = encodeEvent(note(2)).slice(0, 30);
    fs.writeFileSync(file, whole + torn);

    const journal = await Journal.open(file, { settleMs: 5 });
    expect(journal.events()).toEqual([opened, note(1)]);
    expect(journal.warnings).toEqual([
      `${file}: line 3: set aside an unfinished last line (not valid JSON)`,
      `${file}: the last line was torn by an interrupted write; it was set aside in ${file}.torn`,
    ]);
    expect(fs.readFileSync(`${file}.torn`, 'utf8')).toBe(`${torn}\n`);
    expect(await journal.append(note(3))).toEqual({ recorded: true });
    await journal.close();

    const reread = readEvents(file);
    expect(reread.events).toEqual([opened, note(1), note(3)]);
    expect(reread.warnings).toEqual([]);
  });

  it('keeps a last event that lost only its newline, and ends the line', async () => {
    const file = path.join(tempDir(), 'x.jsonl');
    fs.writeFileSync(file, `${encodeEvent(opened)}\n${encodeEvent(note(1))}`);
    const journal = await Journal.open(file, { settleMs: 5 });
    expect(journal.events()).toEqual([opened, note(1)]);
    expect(journal.warnings).toEqual([]);
    await journal.append(note(2));
    await journal.close();
    expect(readEvents(file).events).toEqual([opened, note(1), note(2)]);
    expect(fs.existsSync(`${file}.torn`)).toBe(false);
  });

  it('keeps events in memory, in order, while the disk is full, and writes them once it is not', async () => {
    const faulty = new FaultyFs();
    const file = path.join(tempDir(), 'x.jsonl');
    const journal = await Journal.create(file, opened, { fs: faulty.fs, retryDelaysMs: [60_000] });
    faulty.fail('write', 'ENOSPC', 3);

    const first = await journal.append(note(1));
    expect(first.recorded).toBe(false);
    if (!first.recorded) {
      expect(first.error.message).toBe(`the disk is full: could not write the incident journal ${file}`);
      expect(first.error.hint).toContain('keeps unwritten events in memory and retries');
    }
    expect((await journal.append(note(2))).recorded).toBe(false);
    expect(journal.status()).toMatchObject({ recorded: 1, pending: 2 });
    expect(journal.events()).toEqual([opened, note(1), note(2)]);
    expect(readEvents(file).events).toEqual([opened]);

    // A third failure on the explicit retry; then the disk has room again.
    expect((await journal.flush()).pending).toBe(2);
    const third = journal.append(note(3));
    expect(await third).toEqual({ recorded: true });
    expect(journal.status()).toEqual({ recorded: 4, pending: 0, error: undefined });
    expect(readEvents(file).events).toEqual([opened, note(1), note(2), note(3)]);
    expect(await journal.close()).toEqual([]);
  });

  it('retries on its own after a failure, on the backoff timer', async () => {
    const faulty = new FaultyFs();
    const file = path.join(tempDir(), 'x.jsonl');
    const journal = await Journal.create(file, opened, { fs: faulty.fs, retryDelaysMs: [20] });
    faulty.fail('open', 'EACCES', 1);
    faulty.fail('write', 'EROFS', 2);
    const statuses: string[] = [];
    journal.subscribe(() =>
      statuses.push(`${journal.status().pending}:${journal.status().error?.message ?? 'ok'}`),
    );
    const result = await journal.append(note(1));
    expect(result.recorded).toBe(false);
    await expect.poll(() => journal.status().pending, { timeout: 10_000 }).toBe(0);
    expect(readEvents(file).events).toEqual([opened, note(1)]);
    expect(statuses).toContain(`1:cannot write the incident journal ${file}: read-only file system`);
    expect(statuses.at(-1)).toBe('0:ok');
    await journal.close();
  });

  it('after a short write, ends the fragment and writes the whole line again: the event is there once', async () => {
    const faulty = new FaultyFs();
    const file = path.join(tempDir(), 'x.jsonl');
    const journal = await Journal.create(file, opened, { fs: faulty.fs, retryDelaysMs: [60_000] });
    faulty.shortWrite(25);
    expect((await journal.append(note(1))).recorded).toBe(false);
    expect(fs.readFileSync(file, 'utf8').endsWith('\n')).toBe(false);
    expect(await journal.append(note(2))).toEqual({ recorded: true });
    await journal.close();
    const reread = readEvents(file);
    expect(reread.events).toEqual([opened, note(1), note(2)]);
    expect(reread.rejected).toHaveLength(1);
    expect(reread.rejected[0]?.text).toBe(encodeEvent(note(1)).slice(0, 25));
  });

  it('after a short write that missed only the newline, writes just the newline', async () => {
    const faulty = new FaultyFs();
    const file = path.join(tempDir(), 'x.jsonl');
    const journal = await Journal.create(file, opened, { fs: faulty.fs, retryDelaysMs: [60_000] });
    faulty.shortWrite(encodeEvent(note(1)).length);
    expect((await journal.append(note(1))).recorded).toBe(false);
    await journal.flush();
    await journal.close();
    const reread = readEvents(file);
    expect(reread.events).toEqual([opened, note(1)]);
    expect(reread).toMatchObject({ rejected: [], duplicates: 0 });
  });

  it('when fsync fails, writes the line again, and the reader keeps one copy', async () => {
    const faulty = new FaultyFs();
    const file = path.join(tempDir(), 'x.jsonl');
    const journal = await Journal.create(file, opened, { fs: faulty.fs, retryDelaysMs: [60_000] });
    faulty.fail('sync', 'EIO');
    const result = await journal.append(note(1));
    expect(result.recorded).toBe(false);
    if (!result.recorded) expect(result.error.message).toContain('EIO: injected sync failure');
    await journal.flush();
    await journal.close();
    const reread = readEvents(file);
    expect(reread.events).toEqual([opened, note(1)]);
    expect(reread.duplicates).toBe(1);
  });

  it('reports a real full disk (/dev/full) as such, and close() hands back what was never written', async () => {
    const journal = await Journal.create('/dev/full', opened, { retryDelaysMs: [60_000] });
    const status = journal.status();
    expect(status.pending).toBe(1);
    expect(status.error?.message).toBe('the disk is full: could not write the incident journal /dev/full');
    expect(await journal.close()).toEqual([opened]);
  });

  it('reports a folder that cannot be created (a file is in the way) clearly', async () => {
    const blocker = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const journal = await Journal.create(path.join(blocker, 'incidents', 'x.jsonl'), opened, {
      retryDelaysMs: [60_000],
    });
    expect(journal.status().error?.message).toBe(
      `cannot write the incident journal ${blocker}/incidents/x.jsonl: a path component is not a folder`,
    );
    expect(journal.status().error?.hint).toBeDefined();
    await journal.close();
  });

  it('reports permission denied when the folder is not writable', async () => {
    const faulty = new FaultyFs();
    faulty.fail('mkdir', 'EACCES');
    const file = path.join(tempDir(), 'x.jsonl');
    const journal = await Journal.create(file, opened, { fs: faulty.fs, retryDelaysMs: [60_000] });
    expect(journal.status().error?.message).toBe(
      `cannot write the incident journal ${file}: permission denied`,
    );
    expect(journal.status().error?.hint).toContain('XDG_DATA_HOME');
    await journal.close();
  });
});
