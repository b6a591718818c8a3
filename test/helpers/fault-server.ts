// A small HTTP server for tests that misbehaves on request: it answers a path with JSON or text,
// any status, after a delay, or hangs, cuts the body short, resets the connection, sends more than
// a size cap, trickles a body slowly, redirects elsewhere, or runs a sequence of these (first request fails, second works). It listens on
// 127.0.0.1 with a free port and records every request it receives (method, path, query, headers,
// body) so tests can assert what a client actually sent.
//
//   const server = await startFaultServer({ '/api/v2/alerts': { kind: 'json', body: [] } });
//   server.route('/api/v1/alerts', { kind: 'hang' });
//   ... server.url, server.requests ...
//   await server.close();
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the server answers one path. */
export type Behavior =
  | { kind: 'json'; body: unknown; status?: number; headers?: Record<string, string>; delayMs?: number }
  | { kind: 'text'; body: string; status?: number; contentType?: string; delayMs?: number }
  /** Takes the request and never answers (until close()). */
  | { kind: 'hang' }
  /** Declares the whole body's length, sends the first `sendBytes` bytes, then drops the connection. */
  | { kind: 'truncate'; body: string; sendBytes: number }
  /** Ends the body early but cleanly (chunked): the client gets incomplete JSON and a normal end. */
  | { kind: 'partial'; body: string; sendBytes: number }
  /** Streams `bytes` bytes of JSON-ish filler, with or without a Content-Length header. */
  | { kind: 'oversize'; bytes: number; declareLength: boolean }
  /** Destroys the socket without answering. */
  | { kind: 'reset' }
  /** Sends `body` (200, JSON) `bytesPerChunk` bytes at a time, `everyMs` apart: a slow trickle. */
  | { kind: 'trickle'; body: string; bytesPerChunk: number; everyMs: number }
  /** Answers `status` (default 302) with `Location: location`, e.g. another host. */
  | { kind: 'redirect'; location: string; status?: number }
  /** The nth request gets steps[n] (the last step repeats). */
  | { kind: 'sequence'; steps: Behavior[] }
  /** Anything else. */
  | {
      kind: 'handler';
      handle: (request: http.IncomingMessage, response: http.ServerResponse, body: string) => void;
    };

/** One request as the server received it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string[]>>;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A running fault server. */
export interface FaultServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Sets (or replaces) how a path is answered. */
  route(path: string, behavior: Behavior): void;
  /** Requests received for one path. */
  requestsTo(path: string): RecordedRequest[];
  /** Stops listening and drops every open connection, hanging ones included. */
  close(): Promise<void>;
}

/** Starts a fault server with these routes; other paths get 404. */
export async function startFaultServer(routes: Record<string, Behavior> = {}): Promise<FaultServer> {
  const table = new Map(Object.entries(routes));
  const counts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const query: Record<string, string[]> = {};
      for (const [key, value] of url.searchParams) (query[key] ??= []).push(value);
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: request.method ?? 'GET',
        path: url.pathname,
        query,
        headers: request.headers,
        body,
      });
      const seen = counts.get(url.pathname) ?? 0;
      counts.set(url.pathname, seen + 1);
      const behavior = table.get(url.pathname) ?? { kind: 'text', status: 404, body: 'not found' };
      answer(behavior, seen, request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (path, behavior) => table.set(path, behavior),
    requestsTo: (path) => requests.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(
  behavior: Behavior,
  seen: number,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  body: string,
): void {
  switch (behavior.kind) {
    case 'json':
    case 'text': {
      const text = behavior.kind === 'json' ? JSON.stringify(behavior.body) : behavior.body;
      const type = behavior.kind === 'json' ? 'application/json' : (behavior.contentType ?? 'text/plain');
      const send = () => {
        response.writeHead(behavior.status ?? 200, {
          'Content-Type': type,
          ...(behavior.kind === 'json' ? behavior.headers : {}),
        });
        response.end(text);
      };
      if (behavior.delayMs) setTimeout(send, behavior.delayMs);
      else send();
      return;
    }
    case 'hang':
      return;
    case 'truncate': {
      const bytes = Buffer.from(behavior.body);
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) });
      response.write(bytes.subarray(0, behavior.sendBytes), () => response.socket?.destroy());
      return;
    }
    case 'partial':
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(Buffer.from(behavior.body).subarray(0, behavior.sendBytes));
      return;
    case 'oversize': {
      response.writeHead(200, {
        'Content-Type': 'application/json',
        ...(behavior.declareLength ? { 'Content-Length': String(behavior.bytes) } : {}),
      });
      streamFiller(response, behavior.bytes);
      return;
    }
    case 'reset':
      request.socket.destroy();
      return;
    case 'trickle':
      trickle(response, Buffer.from(behavior.body), behavior.bytesPerChunk, behavior.everyMs);
      return;
    case 'redirect':
      response.writeHead(behavior.status ?? 302, {
        Location: behavior.location,
        'Content-Type': 'text/plain',
      });
      response.end(`moved to ${behavior.location}`);
      return;
    case 'sequence': {
      const step = behavior.steps[Math.min(seen, behavior.steps.length - 1)];
      if (step) answer(step, seen, request, response, body);
      return;
    }
    case 'handler':
      behavior.handle(request, response, body);
      return;
  }
}

// Writes `[` then filler in 64 KiB chunks, respecting back-pressure; stops quietly if the client
// hangs up (as a client enforcing a size cap should).
function streamFiller(response: http.ServerResponse, bytes: number): void {
  const chunk = Buffer.alloc(64 * 1024, ' ');
  let left = bytes;
  response.on('error', () => undefined);
  const pump = () => {
    while (left > 0 && !response.destroyed) {
      const piece = left === bytes ? Buffer.concat([Buffer.from('['), chunk.subarray(1)]) : chunk;
      const part = piece.subarray(0, Math.min(piece.length, left));
      left -= part.length;
      if (!response.write(part)) {
        response.once('drain', pump);
        return;
      }
    }
    if (!response.destroyed) response.end();
  };
  pump();
}

// Writes the body a few bytes at a time with a pause between writes; stops when the client (or
// close()) drops the connection.
function trickle(response: http.ServerResponse, body: Buffer, bytesPerChunk: number, everyMs: number): void {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
  let sent = 0;
  const timer = setInterval(() => {
    if (response.destroyed || sent >= body.length) {
      clearInterval(timer);
      if (!response.destroyed) response.end();
      return;
    }
    response.write(body.subarray(sent, sent + bytesPerChunk));
    sent += bytesPerChunk;
  }, everyMs);
  response.on('close', () => clearInterval(timer));
}

/** An HTML error page as a proxy in front of a server sends it (nginx's 502 page, roughly). */
export function htmlErrorPage(status: number, reason: string): Behavior {
  return {
    kind: 'text',
    status,
    contentType: 'text/html',
    body: `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  };
}

/** A loopback URL where nothing listens, so connecting is refused. */
export async function refusedUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
