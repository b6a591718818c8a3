// A small HTTP proxy on 127.0.0.1 that records what passes through it: plain-http requests (sent
// to it with an absolute URL) are forwarded, CONNECT tunnels are opened to the named host. Tests
// assert on `seen` ("GET http://127.0.0.1:…/api/v2/alerts", "CONNECT 127.0.0.1:…").
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** A running recording proxy. */
export interface RecordingProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** One line per request or tunnel, in order: `METHOD target`. */
  readonly seen: string[];
  /** The Proxy-Authorization header of each request or tunnel ('' when absent). */
  readonly proxyAuthorization: string[];
  close(): Promise<void>;
}

/** Starts a recording proxy on a free loopback port. */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const seen: string[] = [];
  const proxyAuthorization: string[] = [];
  const sockets = new Set<net.Socket>();
  const record = (request: http.IncomingMessage) => {
    seen.push(`${request.method ?? '?'} ${request.url ?? ''}`);
    proxyAuthorization.push(request.headers['proxy-authorization'] ?? '');
  };
  const server = http.createServer((request, response) => {
    record(request);
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = http.request(request.url ?? '', { method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    record(request);
    const [host = '', port = ''] = (request.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    proxyAuthorization,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
