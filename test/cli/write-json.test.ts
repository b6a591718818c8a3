// `--json` output: indented for a person at a terminal, compact through a pipe, and in both cases
// the same document with the terminal-unsafe characters escaped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJson } from '../../src/cli/command.js';
import { stringifyForTerminal } from '../../src/core/alerts/alert-json.js';

// What reaches stdout, as text: writeJson writes strings or UTF-8 bytes.
function written(isTTY: boolean, document: unknown): string {
  const chunks: Buffer[] = [];
  const write = (chunk: string | Uint8Array) => chunks.push(Buffer.from(chunk));
  writeJson({ stdout: { write, isTTY } }, document);
  return Buffer.concat(chunks).toString('utf8');
}

// Characters the escaping is about, and others around them.
const character = fc.oneof(
  fc.constantFrom('\u007f', '\u0085', '\u009b', '\u00ad', '\u061c', '\u200b', '\u202e', '\u2066', '\ufeff'),
  fc.constantFrom('\u001b', '\u0000', '\n', '"', '\\', 'é', 'ÿ', '€', '日', '👩‍💻', '\ud800'),
  fc.string({ minLength: 1, maxLength: 3 }),
);
const text = fc.array(character, { maxLength: 6 }).map((parts) => parts.join(''));

describe('writeJson', () => {
  const document = { alerts: [{ name: 'A\u009b2J', value: 1 }] };

  it('indents for a terminal and is one line through a pipe, the same document either way', () => {
    const tty = written(true, document);
    const pipe = written(false, document);
    expect(tty).toContain('\n  "alerts": [');
    expect(pipe).toBe('{"alerts":[{"name":"A\\u009b2J","value":1}]}\n');
    expect(JSON.parse(tty)).toEqual(JSON.parse(pipe));
    expect(JSON.parse(pipe)).toEqual(document);
  });

  it('writes exactly what escaping the whole text gave, ASCII or not, at a terminal or through a pipe', () => {
    const leaf = fc.oneof(
      text,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date(),
      fc.constant(() => 1),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(text, tie('value'), { maxKeys: 4 }),
      ),
    }));
    const documents = fc.oneof(
      fc.dictionary(text, fc.oneof(value, fc.array(value, { maxLength: 6 })), { maxKeys: 5 }),
      fc.record({
        version: fc.constant(1),
        alerts: fc.array(value, { maxLength: 6 }),
        sources: fc.array(value),
      }),
      // Any value JSON can write (a document is never undefined or a function).
      value.filter((v) => JSON.stringify(v) !== undefined),
    );
    fc.assert(
      fc.property(documents, fc.boolean(), (document, tty) => {
        expect(written(tty, document)).toBe(`${stringifyForTerminal(document, tty ? 2 : 0)}\n`);
      }),
      { numRuns: 2000 },
    );
    // The plain case: ASCII without DEL, written as bytes.
    expect(written(false, { name: 'web1', labels: { a: 'b' } })).toBe('{"name":"web1","labels":{"a":"b"}}\n');
  });

  it('writes a big document in several pieces that join into the same text', () => {
    const alerts = Array.from({ length: 3000 }, (_, i) => ({
      name: i % 7 === 0 ? `A\u009b${i}é` : `Alert${i}`,
      labels: { instance: `web${i}`, note: 'x'.repeat(900), when: new Date(i * 1000) },
      silencedBy: [],
    }));
    const document = { version: 1, alerts, sources: [{ ok: true, missing: undefined }] };
    for (const tty of [false, true]) {
      const writes: Buffer[] = [];
      writeJson(
        { stdout: { write: (chunk: string | Uint8Array) => writes.push(Buffer.from(chunk)), isTTY: tty } },
        document,
      );
      expect(writes.length).toBeGreaterThan(2);
      expect(Buffer.concat(writes).toString('utf8')).toBe(`${stringifyForTerminal(document, tty ? 2 : 0)}\n`);
    }
  });

  it('writes lists longer than one batch as JSON.stringify does, items with toJSON among them', () => {
    // toJSON sees the item's index in the whole list, as JSON.stringify gives it.
    const indexed = { toJSON: (key: string) => `item ${key}` };
    const item = fc.oneof(
      fc.record({ name: text, n: fc.integer() }),
      text,
      fc.constant(null),
      fc.constant(undefined),
      fc.constant(() => 1),
      fc.date(),
      fc.constant(indexed),
      fc.array(text, { maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(item, { minLength: 95, maxLength: 320 }), fc.boolean(), (alerts, tty) => {
        const document = { version: 1, alerts, sources: [] };
        expect(written(tty, document)).toBe(`${stringifyForTerminal(document, tty ? 2 : 0)}\n`);
      }),
      { numRuns: 200 },
    );
  });
});
