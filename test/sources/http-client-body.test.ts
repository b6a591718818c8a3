// How the HTTP client reads an answer's body (src/sources/http-client.ts), pinned for any change to
// how it is read (issue #15 tried reading into one Buffer, and decoding chunk by chunk): the text
// is node-fetch's own text() of the same answer for a body of known length, a chunked one, a
// compressed one, characters split across chunks, a BOM and bytes that are not UTF-8; a body at
// the size cap is taken and one byte more refused; bodies cut short, stalled or aborted fail as
// before.
import type http from 'node:http';
import zlib from 'node:zlib';
import fetch from 'node-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, getText, type Endpoint } from '../../src/sources/http-client.js';
import { startFaultServer, type Behavior, type FaultServer } from '../helpers/fault-server.js';
import { sourceFailure } from '../helpers/source-failure.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
});

function endpoint(over: Partial<Endpoint> = {}): Endpoint {
  return { kind: 'alertmanager', name: 'am-body', url: server.url, timeoutMs: 5_000, retries: 0, ...over };
}

/** Writes `pieces` one at a time, each after the previous one was flushed, then ends. */
function piecewise(pieces: readonly Buffer[], declareLength: boolean) {
  return {
    kind: 'handler' as const,
    handle: (_request: http.IncomingMessage, response: http.ServerResponse) => {
      const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
      response.writeHead(200, {
        'Content-Type': 'text/plain; charset=utf-8',
        ...(declareLength ? { 'Content-Length': String(length) } : {}),
      });
      const next = (index: number) => {
        const piece = pieces[index];
        if (piece === undefined) response.end();
        else response.write(piece, () => setImmediate(() => next(index + 1)));
      };
      next(0);
    },
  };
}

/** What the client returned before: node-fetch's own text() of the same answer. */
async function textBefore(path: string): Promise<string> {
  return (await fetch(`${server.url}${path}`)).text();
}

// A BOM, two-, three- and four-byte characters, a lone continuation byte and a truncated sequence.
const tricky = Buffer.concat([
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from('{"summary":"é € 🔥 ok"} '),
  Buffer.from([0x80, 0x41, 0xe2, 0x82, 0x41]),
]);
// Every byte its own write, so multi-byte characters arrive split across chunks.
const bytewise = [...tricky].map((byte) => Buffer.from([byte]));

describe('reading a body', () => {
  it('gives the same text as before for a body of known length and a chunked one', async () => {
    const big = Buffer.from(JSON.stringify({ data: 'x€'.repeat(300_000) }));
    const cases: Record<string, Behavior> = {
      '/known-bytewise': piecewise(bytewise, true),
      '/chunked-bytewise': piecewise(bytewise, false),
      '/known-big': piecewise([big.subarray(0, 100_001), big.subarray(100_001)], true),
      '/chunked-big': piecewise([big.subarray(0, 333_333), big.subarray(333_333)], false),
      '/empty': piecewise([], true),
      // Content-Length counts the compressed bytes; node-fetch gunzips them.
      '/gzip-known': {
        kind: 'handler',
        handle: (_request, response) => {
          const packed = zlib.gzipSync(big);
          response.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': String(packed.length) });
          response.end(packed);
        },
      },
    };
    for (const [path, behavior] of Object.entries(cases)) server.route(path, behavior);
    for (const path of Object.keys(cases)) {
      const now = await getText(endpoint(), path);
      expect(now, path).toBe(await textBefore(path));
    }
    expect(await getText(endpoint(), '/known-bytewise')).toBe('{"summary":"é € 🔥 ok"} \uFFFDA\uFFFDA');
    for (const path of ['/known-big', '/chunked-big', '/gzip-known'])
      expect(await getJson(endpoint(), path), path).toEqual({ data: 'x€'.repeat(300_000) });
    expect(await getText(endpoint(), '/empty')).toBe('');
  });

  it('takes a body exactly at the size cap and refuses one byte more, declared or chunked', async () => {
    const body = Buffer.from('"' + 'a'.repeat(9_998) + '"');
    server.route('/at-cap-known', piecewise([body.subarray(0, 4_000), body.subarray(4_000)], true));
    server.route('/at-cap-chunked', piecewise([body.subarray(0, 4_000), body.subarray(4_000)], false));
    for (const path of ['/at-cap-known', '/at-cap-chunked']) {
      expect(await getJson(endpoint({ maxResponseBytes: 10_000 }), path), path).toBe('a'.repeat(9_998));
      const error = await sourceFailure(getJson(endpoint({ maxResponseBytes: 9_999 }), path));
      expect(error.kind, path).toBe('too-large');
      expect(error.message, path).toContain('the answer is over the size limit');
    }
  });

  it('calls a body cut short of its length a dropped connection, and a stalled one a timeout', async () => {
    const body = JSON.stringify({ labels: { alertname: 'cut' } });
    server.route('/short', { kind: 'truncate', body, sendBytes: 5 });
    const short = await sourceFailure(getText(endpoint(), '/short'));
    expect(short.kind).toBe('network');
    expect(short.message).toContain('the connection closed before the whole answer arrived');
    // Headers and the first bytes arrive, then the rest takes far longer than the timeout.
    server.route('/stalled', { kind: 'trickle', body: 'x'.repeat(1_000), bytesPerChunk: 1, everyMs: 50 });
    const stalled = await sourceFailure(getText(endpoint({ timeoutMs: 300 }), '/stalled'));
    expect(stalled.kind).toBe('timeout');
    expect(stalled.message).toContain('no answer within 300 ms (timeout)');
  });

  it('stops reading a body when the caller aborts', async () => {
    let started!: () => void;
    const sending = new Promise<void>((resolve) => (started = resolve));
    server.route('/abort-body', {
      kind: 'handler',
      handle: (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        response.write('[', () => started());
      },
    });
    const controller = new AbortController();
    const pending = getJson(endpoint({ timeoutMs: 30_000 }), '/abort-body', {}, controller.signal);
    await sending;
    controller.abort();
    expect((await sourceFailure(pending)).kind).toBe('aborted');
  });
});
