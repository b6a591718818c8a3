// readBodyText (src/sources/response-text.ts) against node-fetch's own text(), on the same
// streams: the same text, byte order mark and bad bytes included, and the same errors.
import { PassThrough, Readable } from 'node:stream';
import { Response, type ResponseInit } from 'node-fetch';
import { describe, expect, it } from 'vitest';
import { readBodyText } from '../../src/sources/response-text.js';

const tooLarge = () => new Error('too large');
const responseOf = (chunks: readonly Buffer[]) => new Response(Readable.from(chunks));

// Both readers over two responses made of the same chunks.
async function both(chunks: readonly Buffer[], maxBytes = 0) {
  const ours = await readBodyText(responseOf(chunks), maxBytes, tooLarge);
  const theirs = await responseOf(chunks).text();
  return { ours, theirs };
}

describe('readBodyText', () => {
  it('gives the text node-fetch gives, however the bytes are cut into chunks', async () => {
    const text = '\uFEFF[{"a":"é — 😀 ü"},{"b":"\\u00e9"}]';
    const bytes = Buffer.from(text);
    // Every cut: multi-byte characters split between two chunks included.
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const { ours, theirs } = await both([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(ours).toBe(theirs);
    }
    // The byte order mark is dropped, as text() drops it.
    expect((await both([bytes])).ours.startsWith('[')).toBe(true);
    // Bytes that are not UTF-8, and a character cut off at the end.
    const bad = [Buffer.from([0x5b, 0xff, 0xc3]), Buffer.from([0x28, 0x5d, 0xe2, 0x82])];
    const { ours, theirs } = await both(bad);
    expect(ours).toBe(theirs);
    expect(ours).toContain('\uFFFD');
    expect((await both([])).ours).toBe('');
    // More that is not UTF-8: an overlong form, an encoded surrogate, a 4-byte character cut short,
    // bytes past U+10FFFF, and a byte order mark that is not first (kept, as text() keeps it).
    const odd = Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x41, 0xf4, 0x90, 0x80, 0x80]);
    const withMark = Buffer.concat([Buffer.from('x'), Buffer.from('\uFEFF'), odd]);
    for (let cut = 0; cut <= withMark.length; cut += 1) {
      const split = await both([withMark.subarray(0, cut), withMark.subarray(cut)]);
      expect(split.ours).toBe(split.theirs);
    }
  });

  it('stops past the size cap with the caller’s error', async () => {
    const chunks = [Buffer.alloc(600, 0x61), Buffer.alloc(600, 0x62)];
    await expect(readBodyText(responseOf(chunks), 1000, tooLarge)).rejects.toThrow('too large');
    expect(await readBodyText(responseOf(chunks), 1200, tooLarge)).toBe('a'.repeat(600) + 'b'.repeat(600));
  });

  it('fails on a broken stream with the error text() gives', async () => {
    const broken = () => {
      const stream = new PassThrough();
      stream.write('[{"a":');
      setImmediate(() => stream.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })));
      // node-fetch takes the URL its messages name from the init, though its types leave it out.
      return new Response(stream, { url: 'http://am.example/api/v2/alerts' } as ResponseInit);
    };
    const ours = await readBodyText(broken(), 0, tooLarge).catch((error: unknown) => error);
    const theirs = await broken()
      .text()
      .catch((error: unknown) => error);
    expect(ours).toBeInstanceOf(Error);
    for (const field of ['name', 'message', 'type', 'code'])
      expect((ours as Record<string, unknown>)[field]).toEqual((theirs as Record<string, unknown>)[field]);
    expect((ours as Error).message).toContain('socket hang up');
  });
});
