// A 10,000-event incident exports to exactly the bytes it always has: the export and the journal
// reader were made faster for large incidents (issue #15), and these hashes were taken from the
// output of the code before that work, so any change in what is written shows here.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportHtml } from '../../../src/core/export/html.js';
import { exportJson } from '../../../src/core/export/json-export.js';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import { fold } from '../../../src/core/timeline/fold.js';
import { encodeEvent, parseJournal } from '../../../src/core/timeline/journal-codec.js';
import { largeJournal } from './large-journal.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const utc = { zone: { name: 'UTC', offsetMinutes: 0 } };
const berlin = { zone: { name: 'Europe/Berlin', offsetMinutes: 60 }, prometheusUrl: 'http://prom:9090' };

// Taken from the output of the code before the speed work (commit 2ffdbdf).
const hashes = {
  journal: 'f892f495a6f67044343534e64ff59ba646908527866a91b68551a5525ef71306',
  events: 'e22da7561d144de9830a1646f88df9231d346caf39c3aaa4830a08f16faa1906',
  damaged: '7c34c6cf1b4a1cf993cd61aebb89b756b78f0377bee66d70adcbcaaa7c13d29f',
  markdownUtc: '76fa78e01a6bd9c7151da3d755184091938906729e912fa127ac3ae0a4ac9ddc',
  markdownBerlin: '409cd01586e33f617e501391251abd9888346ecefeb05f4dda2d47bea74ad3a6',
  json: 'e327ee354f73da52b4d5c8c64b0f5124ada03948da769605aa73008b166e1f11',
  html: '7da33fc5f6e3c63b66240a899f766dd5f88515ab63c0d6039a78a2ac8dfd4154',
};

const events = largeJournal(10_000);
const journalText = `${events.map(encodeEvent).join('\n')}\n`;

// The same journal damaged the ways a real one can be: a duplicated line (a retried write), a
// line that is not JSON, a torn fragment with a whole record glued behind it, a line from a newer
// sitrep, and a torn last line.
const lines = journalText.trimEnd().split('\n');
const damaged = [
  ...lines.slice(0, 100),
  lines[50],
  'not json at all',
  `{"v":1,"at":"2026-11-2${lines[101]}`,
  '{"v":99,"at":"2026-11-23T14:00:00.000Z","type":"from-the-future"}',
  ...lines.slice(102),
  '{"v":1,"at":"2026-11-23T14:0',
].join('\n');

describe('a 10,000-event incident', () => {
  it('reads back from its journal as the same events, and a damaged one with the same findings', () => {
    const parsed = parseJournal(journalText);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.events).toHaveLength(10_000);
    expect(`${parsed.events.map(encodeEvent).join('\n')}\n`).toBe(journalText);
    expect(sha256(JSON.stringify(parsed.events))).toBe(hashes.events);
    const read = parseJournal(damaged);
    expect(read.events).toHaveLength(9_999);
    expect(read.warnings).toHaveLength(5);
    expect(sha256(JSON.stringify(read))).toBe(hashes.damaged);
  });

  it('exports the same Markdown, JSON and HTML as before, in UTC and in another zone', () => {
    const events = parseJournal(journalText).events;
    expect(sha256(exportMarkdown(events, utc))).toBe(hashes.markdownUtc);
    expect(sha256(exportMarkdown(events, berlin))).toBe(hashes.markdownBerlin);
    expect(sha256(exportJson(events))).toBe(hashes.json);
    // Given the fold the incident store made as it read the journal: the same bytes.
    const incident = fold(events);
    expect(sha256(exportMarkdown(events, { ...berlin, ...(incident && { incident }) }))).toBe(
      hashes.markdownBerlin,
    );
    expect(sha256(exportJson(events, incident))).toBe(hashes.json);
    expect(sha256(journalText)).toBe(hashes.journal);
    // HTML of the first 300 events only: micromark takes seconds on the whole Markdown.
    expect(sha256(exportHtml(events.slice(0, 300), berlin))).toBe(hashes.html);
  });
});
