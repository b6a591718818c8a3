// The JSON export is written a few hundred events at a time, each chunk by JSON.stringify alone
// when its plain text shows the redacting replacer would change nothing (issue #15). Whatever the
// strings and numbers, the pieces must join to what one JSON.stringify with the replacer gave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeForTerminal } from '../../../src/core/alerts/alert-json.js';
import { exportJson, exportJsonPieces } from '../../../src/core/export/json-export.js';
import { jsonMayHideSecret, redactSecrets } from '../../../src/core/export/redact.js';
import type { TimelineEvent } from '../../../src/core/timeline/events.js';
import { fold } from '../../../src/core/timeline/fold.js';
import { encodeSampleValue } from '../../../src/core/timeline/json-fields.js';
import { sampleEvents } from '../timeline/sample-events.js';

/** How the export was written before: one JSON.stringify, the replacer on every value. */
function oneStringify(events: readonly TimelineEvent[]): string {
  const replacer = (_key: string, value: unknown): unknown => {
    if (typeof value === 'number' && !Number.isFinite(value)) return encodeSampleValue(value);
    if (typeof value === 'string') return redactSecrets(value);
    return value;
  };
  const document = { format: 'sitrep-incident', schemaVersion: 1, incident: fold(events), events };
  return `${escapeForTerminal(JSON.stringify(document, replacer, 2))}\n`;
}

// Pieces of text that make secrets, escapes and look-alikes of the list mark.
const words = [
  'note',
  ' ',
  'token',
  'Token',
  'ID',
  'sig',
  ':',
  '=',
  '"',
  "'",
  '\\',
  '\t',
  '\n',
  '\r',
  '\f',
  '\u000b',
  '\u00a0',
  '\u2028',
  '\u0000',
  'sitrep-list',
  '\u0000sitrep-list',
  'Bearer abcdefgh12345678',
  'null',
  '\u009b',
  'é',
];
const text = fc.array(fc.constantFrom(...words), { maxLength: 6 }).map((parts) => parts.join(''));
const value = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 0, 1.5));

const [opened, runbook] = sampleEvents as [TimelineEvent, TimelineEvent];
const probeRun = sampleEvents.find((e) => e.type === 'probe-run') as TimelineEvent & { type: 'probe-run' };

const event = fc.oneof(
  fc
    .record({ text, author: fc.option(text, { nil: undefined }) })
    .map(({ text: note, author }): TimelineEvent =>
      author === undefined
        ? { at: '2026-11-23T14:05:00.000Z', type: 'note-added', text: note }
        : { at: '2026-11-23T14:05:00.000Z', type: 'note-added', text: note, author },
    ),
  fc.tuple(text, value).map(([title, number]): TimelineEvent => ({
    ...probeRun,
    probes: probeRun.probes.map((p) => ({
      ...p,
      title,
      series: [{ labels: { server: title }, value: number }],
    })),
  })),
);

describe('exportJsonPieces', () => {
  it('joins to the one-stringify text, whatever the strings and numbers', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 600 }), fc.nat(600), (drawn, notes) => {
        // Many plain notes too, so that most chunks take the shortcut and some do not.
        const plain = Array.from({ length: notes }, (_, i): TimelineEvent => ({
          at: '2026-11-23T14:06:00.000Z',
          type: 'note-added',
          text: `benchmark note ${i}`,
          author: 'root',
        }));
        const events = [opened, runbook, ...plain, ...drawn, ...plain];
        expect(exportJson(events)).toBe(oneStringify(events));
      }),
      { numRuns: 150 },
    );
  });

  it('writes a long incident in many pieces, and an empty list as JSON does', () => {
    const notes = Array.from({ length: 1000 }, (_, i): TimelineEvent => ({
      at: '2026-11-23T14:06:00.000Z',
      type: 'note-added',
      text: `note ${i}`,
    }));
    const events = [...sampleEvents, ...notes];
    expect([...exportJsonPieces(events)].length).toBeGreaterThan(8);
    expect(exportJson(events)).toBe(oneStringify(events));
    expect(exportJson([opened])).toBe(oneStringify([opened]));
    // A title that reads as the mark where the lists go: written the long way, the same text.
    const marked = { ...opened, title: '\u0000sitrep-list' } as TimelineEvent;
    expect(exportJson([marked, ...notes])).toBe(oneStringify([marked, ...notes]));
  });
});

describe('jsonMayHideSecret', () => {
  it('is true for the JSON of any string redactSecrets would change', () => {
    fc.assert(
      fc.property(text, (s) => {
        if (redactSecrets(s) !== s)
          expect(jsonMayHideSecret(JSON.stringify({ note: s }, null, 2))).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(jsonMayHideSecret(JSON.stringify({ id: 'x', stepId: 'y', note: 'fine' }, null, 2))).toBe(false);
    expect(jsonMayHideSecret(JSON.stringify({ note: 'my token\t: x' }))).toBe(true);
    expect(jsonMayHideSecret(JSON.stringify({ note: 'key": x' }))).toBe(true);
  });
});
