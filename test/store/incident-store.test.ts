import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/core/errors.js';
import { encodeEvent } from '../../src/core/timeline/journal-codec.js';
import { incidentsDir } from '../../src/store/data-dir.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { sampleEvents } from '../core/timeline/sample-events.js';
import { testAlert } from '../helpers/alerts.js';
import { FaultyFs } from './faulty-fs.js';
import { tempDirs } from './temp-dir.js';

const tempDir = tempDirs();

function alert(name: string) {
  return testAlert({ alertname: name, severity: 'critical', server: 'web1' });
}

async function storeWithThree() {
  const store = new IncidentStore(tempDir());
  const older = await store.openIncident({ alerts: [alert('DiskFull')], at: '2026-11-20T10:00:00.000Z' });
  const closed = await store.openIncident({ alerts: [alert('Latency')], at: '2026-11-24T10:00:00.000Z' });
  await closed.append({ at: '2026-11-24T11:00:00.000Z', type: 'incident-closed' });
  const newer = await store.openIncident({ alerts: [alert('Haproxy')], at: '2026-11-23T10:00:00.000Z' });
  const ids = {
    older: older.incident()?.id ?? '',
    closed: closed.incident()?.id ?? '',
    newer: newer.incident()?.id ?? '',
  };
  await Promise.all([older.close(), closed.close(), newer.close()]);
  return { store, ids };
}

describe('IncidentStore', () => {
  it('reads a journal again after any change to it, even one that keeps its size', async () => {
    // Reads of unchanged bytes share one parse (resume reads the journal three times).
    const store = new IncidentStore(tempDir());
    const journal = await store.openIncident({ alerts: [alert('DiskFull')], at: '2026-11-20T10:00:00.000Z' });
    const id = journal.incident()?.id ?? '';
    await journal.append({ at: '2026-11-20T10:01:00.000Z', type: 'note-added', text: 'first A' });
    const first = await store.read(id);
    expect((await store.read(id)).events).toEqual(first.events);
    const resumed = await store.resume(id);
    expect(resumed.events()).toEqual(first.events);
    await resumed.close();

    fs.writeFileSync(journal.path, fs.readFileSync(journal.path, 'utf8').replace('first A', 'first B'));
    expect((await store.read(id)).incident.notes.map((n) => n.text)).toEqual(['first B']);
    await journal.append({ at: '2026-11-20T10:02:00.000Z', type: 'note-added', text: 'second' });
    const reopened = await store.resume(id);
    expect(reopened.incident()?.notes.map((n) => n.text)).toEqual(['first B', 'second']);
    await Promise.all([journal.close(), reopened.close()]);
  });

  it('opens an incident in a file named by its id, recorded before it returns', async () => {
    const store = new IncidentStore(path.join(tempDir(), 'incidents'));
    const journal = await store.openIncident({
      alerts: [alert('HaproxyServerConnectionErrors')],
      at: '2026-11-23T14:01:20.000Z',
    });
    const id = journal.incident()?.id ?? '';
    expect(id).toMatch(/^2026-11-23-HaproxyServerConnectionErrors-[0-9a-f]{4}$/);
    expect(journal.path).toBe(store.pathOf(id));
    expect(journal.status()).toEqual({ recorded: 1, pending: 0, error: undefined });
    expect(fs.readFileSync(journal.path, 'utf8')).toMatch(
      /^\{"v":1,"at":"2026-11-23T14:01:20.000Z","type":"incident-opened"/,
    );
    await journal.close();
  });

  it('still opens an incident when the folder cannot be written, keeping it in memory with the error', async () => {
    const faulty = new FaultyFs();
    faulty.fail('mkdir', 'EACCES', 5);
    const store = new IncidentStore(path.join(tempDir(), 'incidents'), {
      fs: faulty.fs,
      retryDelaysMs: [60_000],
    });
    const journal = await store.openIncident({ alerts: [alert('Up')], at: '2026-11-23T14:01:20.000Z' });
    expect(journal.status()).toMatchObject({ recorded: 0, pending: 1 });
    expect(journal.status().error?.message).toContain('permission denied');
    expect(journal.incident()?.alertname).toBe('Up');
    await journal.close();
  });

  it('lists open incidents first, then the most recently opened, and says what it could not read', async () => {
    const { store, ids } = await storeWithThree();
    fs.writeFileSync(path.join(store.dir, '2026-11-25-Broken-abcd.jsonl'), 'not json\n');
    fs.writeFileSync(path.join(store.dir, 'notes.txt'), 'ignored');
    fs.writeFileSync(path.join(store.dir, `${ids.newer}.jsonl.torn`), 'ignored');
    const { incidents, warnings } = await store.list();
    expect(incidents.map((e) => [e.id, e.incident.status])).toEqual([
      [ids.newer, 'open'],
      [ids.older, 'open'],
      [ids.closed, 'closed'],
    ]);
    expect(warnings).toEqual([
      `${store.dir}/2026-11-25-Broken-abcd.jsonl: line 1: set aside a line it could not read (not valid JSON)`,
      `the journal ${store.dir}/2026-11-25-Broken-abcd.jsonl has no incident-opened event`,
    ]);
  });

  it('lists nothing, without an error, before the folder exists', async () => {
    const store = new IncidentStore(path.join(tempDir(), 'not', 'yet'));
    expect(await store.list()).toEqual({ incidents: [], warnings: [] });
    await expect(store.resolveId(undefined, 'latest')).rejects.toThrow('there are no incidents yet');
  });

  it('finds an incident by id, by its short hash or by a unique prefix, and defaults to the latest', async () => {
    const { store, ids } = await storeWithThree();
    expect(await store.resolveId(ids.older, 'latest')).toBe(ids.older);
    expect(await store.resolveId(ids.older.slice(-4), 'latest')).toBe(ids.older);
    expect(await store.resolveId('2026-11-20', 'latest')).toBe(ids.older);
    expect(await store.resolveId(undefined, 'latest')).toBe(ids.closed);
    expect(await store.resolveId(undefined, 'latest-open')).toBe(ids.newer);
    await expect(store.resolveId('2026-11-2', 'latest')).rejects.toThrow(UsageError);
    await expect(store.resolveId('nope', 'latest')).rejects.toThrow('no incident "nope"');
  });

  it('reads and resumes an incident, and refuses ids that are paths', async () => {
    const { store, ids } = await storeWithThree();
    const record = await store.read(ids.closed);
    expect(record.incident.status).toBe('closed');
    expect(record.events).toHaveLength(2);
    const journal = await store.resume(ids.newer);
    await journal.append({ at: '2026-11-23T10:05:00.000Z', type: 'note-added', text: 'resumed' });
    await journal.close();
    expect((await store.read(ids.newer)).incident.notes.map((n) => n.text)).toEqual(['resumed']);
    expect(() => store.pathOf('../../etc/passwd')).toThrow(UsageError);
    await expect(store.read('2026-01-01-Missing-0000')).rejects.toThrow(UserError);
  });

  it('reads a journal written by hand in the line format', async () => {
    const store = new IncidentStore(tempDir());
    const id = '2026-11-23-HaproxyServerConnectionErrors-3f2a';
    fs.writeFileSync(store.pathOf(id), sampleEvents.map((e) => `${encodeEvent(e)}\n`).join(''));
    const record = await store.read(id);
    expect(record.events).toEqual(sampleEvents);
    expect(record.warnings).toEqual([]);
  });
});

describe('incidentsDir', () => {
  it('follows XDG_DATA_HOME, else ~/.local/share, and ignores a relative XDG_DATA_HOME', () => {
    expect(incidentsDir({ XDG_DATA_HOME: '/data', HOME: '/home/a' })).toBe('/data/sitrep/incidents');
    expect(incidentsDir({ HOME: '/home/a' })).toBe('/home/a/.local/share/sitrep/incidents');
    expect(incidentsDir({ XDG_DATA_HOME: 'rel', HOME: '/home/a' })).toBe(
      '/home/a/.local/share/sitrep/incidents',
    );
  });
});
