// `sitrep incidents`, `note`, `close`, `resume` and `export` in-process, on journals in a temp
// XDG_DATA_HOME: what they print, what they exit with, and what ends up in the journal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/timeline/events.js';
import { encodeEvent, parseJournal } from '../../src/core/timeline/journal-codec.js';
import { sampleEvents } from '../core/timeline/sample-events.js';
import { runCli } from '../helpers/run-cli.js';

const closedId = '2026-11-23-HaproxyServerConnectionErrors-3f2a';
const resolvedId = '2026-11-24-DiskFull-b0b0';
const openId = '2026-11-25-Latency-c1c1';

let home = '';
let env: Record<string, string>;
let dir = '';

function writeJournal(id: string, events: readonly TimelineEvent[]): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${id}.jsonl`), events.map((e) => `${encodeEvent(e)}\n`).join(''));
}

function opened(id: string, alertname: string, at: string): TimelineEvent {
  return {
    at,
    type: 'incident-opened',
    id,
    title: alertname,
    alertname,
    severity: 'warning',
    alerts: [{ fingerprint: `fp-${id}`, labels: { alertname, instance: 'db1' }, startsAt: at }],
  };
}

function journalEvents(id: string): TimelineEvent[] {
  return [...parseJournal(fs.readFileSync(path.join(dir, `${id}.jsonl`), 'utf8')).events];
}

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-incidents-cli-'));
  env = { XDG_DATA_HOME: path.join(home, 'data'), HOME: home, TZ: 'Europe/Berlin', USER: 'alice' };
  dir = path.join(home, 'data', 'sitrep', 'incidents');
  writeJournal(closedId, sampleEvents);
  writeJournal(resolvedId, [
    opened(resolvedId, 'DiskFull', '2026-11-24T08:00:00.000Z'),
    { at: '2026-11-24T09:30:00.000Z', type: 'incident-resolved' },
  ]);
  writeJournal(openId, [opened(openId, 'Latency', '2026-11-25T08:00:00.000Z')]);
});

afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

describe('sitrep incidents', () => {
  it('lists incidents that are not closed, open first, as a table', async () => {
    const result = await runCli(['incidents'], env);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.pop()).toBe('');
    // Columns are aligned: every cell of a column starts at the same place as its header.
    const starts = (line: string) => [...line.matchAll(/(?<=^| {2})\S/g)].map((m) => m.index);
    expect(lines.map(starts).every((s) => JSON.stringify(s) === JSON.stringify(starts(lines[0] ?? '')))).toBe(
      true,
    );
    const cells = lines.map((line) => line.split(/ {2,}/));
    expect(cells[0]).toEqual(['ID', 'STATUS', 'SEVERITY', 'ALERT', 'STARTED (UTC)', 'DURATION', 'PROGRESS']);
    expect(cells[1]).toEqual([
      openId,
      'open',
      'warning',
      'Latency',
      '2026-11-25 08:00:00',
      expect.any(String),
      'no runbook',
    ]);
    expect(cells[2]).toEqual([
      resolvedId,
      'resolved',
      'warning',
      'DiskFull',
      '2026-11-24 08:00:00',
      '1 h 30 min',
      'no runbook',
    ]);
    expect(cells).toHaveLength(3);
  });

  it('adds closed incidents with --all, and gives scripts JSON', async () => {
    const all = await runCli(['incidents', '--all'], env);
    expect(all.stdout.split('\n')[3]?.split(/ {2,}/)).toEqual([
      closedId,
      'closed',
      'critical',
      'HaproxyServerConnectionErrors',
      '2026-11-23 14:00:55',
      '11 min 35 s',
      '2/5 done, 2 skipped',
    ]);
    const json = await runCli(['incidents', '--all', '--json'], env);
    const parsed = JSON.parse(json.stdout) as {
      incidents: { id: string; status: string; durationSeconds: number }[];
    };
    expect(parsed.incidents.map((i) => [i.id, i.status])).toEqual([
      [openId, 'open'],
      [resolvedId, 'resolved'],
      [closedId, 'closed'],
    ]);
    expect(parsed.incidents[2]?.durationSeconds).toBe(695);
  });

  it('says so when there is nothing to list, and reads the folder from XDG_DATA_HOME', async () => {
    const result = await runCli(['incidents'], { ...env, XDG_DATA_HOME: path.join(home, 'empty') });
    expect(result).toEqual({ code: 0, stdout: 'No open incidents.\n', stderr: '' });
  });
});

describe('sitrep note', () => {
  it('appends a note to the most recent open incident, with the author, once it is on disk', async () => {
    const result = await runCli(['note', 'checked the replica lag'], env);
    expect(result).toEqual({ code: 0, stdout: `Noted in ${openId}.\n`, stderr: '' });
    expect(journalEvents(openId).at(-1)).toMatchObject({
      type: 'note-added',
      text: 'checked the replica lag',
      author: 'alice',
    });
  });

  it('finds the incident by its short hash', async () => {
    const result = await runCli(['note', '3f2a', 'added after the review'], env);
    expect(result.code).toBe(0);
    expect(journalEvents(closedId).at(-1)).toMatchObject({
      type: 'note-added',
      text: 'added after the review',
    });
  });

  it('fails clearly for an unknown incident, and for a wrong command line', async () => {
    const unknown = await runCli(['note', 'ffff', 'x'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('sitrep: no incident "ffff"\n  Run `sitrep incidents --all` to list them.\n');
    const unquoted = await runCli(['note', 'restarted', 'the', 'db'], env);
    expect(unquoted.code).toBe(2);
    expect(unquoted.stderr).toContain('note: expected [ID] TEXT, got 3 argument(s)');
  });

  it('reports a journal it cannot write to, and exits 1', async () => {
    // A regular file where the incidents folder should be: nothing can be created under it.
    const blocked = { ...env, XDG_DATA_HOME: path.join(home, 'file') };
    fs.writeFileSync(path.join(home, 'file'), '');
    const result = await runCli(['note', 'x'], blocked);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sitrep: (cannot|could not) read the incident journal /);
  });
});

describe('sitrep close', () => {
  it('closes the most recent open incident, once', async () => {
    const first = await runCli(['close'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Closed\.\n2026-11-25-Latency-c1c1 {2}closed {2}warning\n/);
    expect(first.stdout).toContain(`Export the postmortem with: sitrep export ${openId}\n`);
    expect(journalEvents(openId).at(-1)?.type).toBe('incident-closed');

    const again = await runCli(['close', openId], env);
    expect(again).toEqual({ code: 0, stdout: `${openId} is already closed.\n`, stderr: '' });
    expect(journalEvents(openId).filter((e) => e.type === 'incident-closed')).toHaveLength(1);
  });
});

describe('sitrep resume', () => {
  it('without a terminal, points to the commands that work in scripts (exit 2)', async () => {
    const result = await runCli(['resume'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'sitrep: the interactive screen needs a terminal (stdin and stdout are not both a TTY)\n' +
        '  In scripts, use `sitrep incidents`, `sitrep note`, `sitrep close` and `sitrep export`.\n',
    );
  });
  // On a terminal it opens the workspace: test/e2e/tui.test.ts drives that in tmux.
});

describe('sitrep export', () => {
  it('writes the Markdown postmortem of the most recent incident, in the TZ of the environment', async () => {
    const result = await runCli(['export', '3f2a'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Postmortem: HaproxyServerConnectionErrors\n/);
    expect(result.stdout).toContain('| Time (UTC) | Time (Europe/Berlin, UTC+01:00) | Event |');
    expect(result.stdout).toContain(
      '| 2026-11-23 14:01:20 | 2026-11-23 15:01:20 | Incident opened in sitrep',
    );
    const newYork = await runCli(['export', '3f2a'], { ...env, TZ: 'America/New_York' });
    expect(newYork.stdout).toContain(
      '| 2026-11-23 14:01:20 | 2026-11-23 09:01:20 | Incident opened in sitrep',
    );
    expect((await runCli(['export', '3f2a'], env)).stdout).toBe(result.stdout);
  });

  it('links probes to the configured Prometheus, and guesses none for the built-in default', async () => {
    const linked = await runCli(['export', '3f2a', '--prometheus.url', 'http://prom.example:9090'], env);
    expect(linked.stdout).toMatch(/\]\(http:\/\/prom\.example:9090\/graph\?/);
    const unlinked = await runCli(['export', '3f2a'], env);
    expect(unlinked.stdout).not.toContain('/graph?');
    const broken = path.join(home, 'broken.yml');
    fs.writeFileSync(broken, 'timeout: [\n');
    const withBadConfig = await runCli(['export', '3f2a'], { ...env, SITREP_CONFIG_FILE: broken });
    expect(withBadConfig.code).toBe(0);
    expect(withBadConfig.stdout).toMatch(/^# Postmortem/);
    expect(withBadConfig.stderr).toContain('probe links left out');
  });

  it('defaults to the most recently opened incident, and writes JSON to a file with -o', async () => {
    const result = await runCli(['export', '--format', 'json', '-o', 'out.json'], env, { cwd: home });
    expect(result).toEqual({
      code: 0,
      stdout: `Wrote ${path.join(home, 'out.json')} (1 event).\n`,
      stderr: '',
    });
    const document = JSON.parse(fs.readFileSync(path.join(home, 'out.json'), 'utf8')) as {
      schemaVersion: number;
      incident: { id: string };
    };
    expect(document).toMatchObject({ schemaVersion: 1, incident: { id: openId } });
  });

  it('writes one self-contained HTML file with --format html, the chart inline', async () => {
    const result = await runCli(['export', '3f2a', '--format', 'html', '-o', 'notes.html'], env, {
      cwd: home,
    });
    expect(result.code).toBe(0);
    const html = fs.readFileSync(path.join(home, 'notes.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<h1>Postmortem: HaproxyServerConnectionErrors</h1>');
    expect(html).toMatch(/<svg [^>]*class="chart"/);
    expect(html).not.toMatch(/<script|\ssrc=/);
  });

  it('refuses an unknown format (exit 2) and reports a file it cannot write (exit 1)', async () => {
    const format = await runCli(['export', '--format', 'pdf'], env);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('export: unknown format "pdf"');
    const unwritable = await runCli(['export', '-o', path.join(home, 'missing', 'x.md')], env);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^sitrep: could not write .*missing\/x\.md: ENOENT/);
  });

  it('warns about lines it set aside, and still exports the rest', async () => {
    fs.appendFileSync(path.join(dir, `${closedId}.jsonl`), '{"v":1,"at":"2026-11-23T15:00:00Z","type":"no');
    const result = await runCli(['export', closedId], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `sitrep: warning: ${dir}/${closedId}.jsonl: line 16: set aside an unfinished last line (not valid JSON)\n`,
    );
    expect(result.stdout).toContain('(15 events)');
  });
});

describe('incident ids on the command line', () => {
  it('takes at most one id', async () => {
    for (const command of ['close', 'resume', 'export']) {
      const result = await runCli([command, '3f2a', 'c1c1'], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${command}: expected at most one incident id, got 2 arguments`);
    }
  });
});
