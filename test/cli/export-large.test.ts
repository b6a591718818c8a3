// `sitrep export` of 10,000-event incidents writes the same bytes as before it was made faster
// (issue #15): the document is now built and written in pieces. The hashes were taken from the
// output of the code before that change (commit b8862c7) on the same journals; the file written
// with -o, the text printed on stdout and the one-string export agree byte for byte.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../src/core/export/markdown.js';
import type { TimelineEvent } from '../../src/core/timeline/events.js';
import { parseJournal } from '../../src/core/timeline/journal-codec.js';
import { largeJournal } from '../core/export/large-journal.js';
import { sampleEvents } from '../core/timeline/sample-events.js';
import { incidentHome, type IncidentHome } from '../helpers/incident-home.js';
import { runCli } from '../helpers/run-cli.js';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** The benchmark's journal: an incident, its runbook, then one author's notes, a second apart. */
function benchJournal(): TimelineEvent[] {
  const [opened, runbook] = sampleEvents as [TimelineEvent, TimelineEvent];
  const start = Date.parse('2026-11-23T14:05:00.000Z');
  const notes = Array.from({ length: 9_998 }, (_, i) => ({
    at: new Date(start + i * 1000).toISOString(),
    type: 'note-added' as const,
    text: `benchmark note ${i}`,
    author: 'root',
  }));
  return [opened, runbook, ...notes];
}

const journals = {
  '2026-11-23-HaproxyServerConnectionErrors-3f2a': largeJournal(10_000),
  '2026-11-23-HaproxyServerConnectionErrors-b0b0': benchJournal(),
};

// sha256 of what the code before the change wrote, per journal and format (TZ Europe/Berlin). The
// open incident's md and html were taken again when its work time came to name the last event it
// is measured to ("… so far (opened …)" became "… to the last event (opened … → last event …; still
// open)"); with that line's old words put back, the new text hashes to the old values.
const before: Record<string, Record<string, string>> = {
  '3f2a': {
    md: '804e67ee84d66f76d5cdf137bed832d8f69533de6db70392d1250f4ad6b73a01',
    json: 'e327ee354f73da52b4d5c8c64b0f5124ada03948da769605aa73008b166e1f11',
  },
  b0b0: {
    md: '729cc4fa1a2203bf707c9c182a6002d80561399f01232da0669f24dbac2d0ab4',
    json: '899bac917f036072a3feb2431092360ca7ff4c34829b4595f89bd0cdc58a6425',
    html: 'cef062683bb0bbc5f431c0c2e6fb8a4361e25fa8cdc839258b41b7678b37f024',
  },
};

let home = '';
let env: Record<string, string>;
let scratch: IncidentHome | undefined;

beforeAll(() => {
  scratch = incidentHome('export-large', journals);
  ({ home, env } = scratch);
});

afterAll(() => scratch?.remove());

describe('sitrep export of a 10,000-event incident', () => {
  for (const [id, formats] of Object.entries(before)) {
    for (const [format, hash] of Object.entries(formats)) {
      it(`writes the same ${format} as before for ${id}, to a file and to stdout`, async () => {
        const file = path.join(home, `${id}.${format}`);
        const written = await runCli(['export', id, '--format', format, '-o', file], env);
        expect(written.stderr).toBe('');
        expect(written.stdout).toBe(`Wrote ${file} (10000 events).\n`);
        const bytes = fs.readFileSync(file);
        expect(sha256(bytes)).toBe(hash);
        const printed = await runCli(['export', id, '--format', format], env);
        expect(printed.stdout).toBe(bytes.toString('utf8'));
      });
    }
  }

  it('writes on disk what the one-string Markdown export gives', async () => {
    const id = '2026-11-23-HaproxyServerConnectionErrors-b0b0';
    const file = path.join(home, 'one-string.md');
    await runCli(['export', id, '-o', file], env);
    const events = parseJournal(
      fs.readFileSync(path.join(home, 'data', 'sitrep', 'incidents', `${id}.jsonl`), 'utf8'),
    ).events;
    const zone = { name: 'Europe/Berlin', offsetMinutes: 60 };
    expect(fs.readFileSync(file, 'utf8')).toBe(exportMarkdown(events, { zone }));
  });

  it('reads no config for an incident without probe runs: it has no probe links to make', async () => {
    const broken = path.join(home, 'broken.yml');
    fs.writeFileSync(broken, 'timeout: [\n');
    const id = '2026-11-23-HaproxyServerConnectionErrors-b0b0';
    const result = await runCli(['export', id], { ...env, SITREP_CONFIG_FILE: broken });
    expect(result.stderr).toBe('');
    expect(sha256(result.stdout)).toBe(before['b0b0']?.['md']);
    // With probe runs, the same broken config is read and reported (test/cli/incident-commands.test.ts).
  });
});
