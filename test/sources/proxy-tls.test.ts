// An https source behind a proxy: the request goes through a CONNECT tunnel and the source's own
// TLS settings (a custom CA, a client certificate) apply inside it. Certificates are made by
// openssl for this test; the proxy records what passes through it.
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, type Endpoint } from '../../src/sources/http-client.js';
import { SourceError } from '../../src/sources/http-error.js';
import { makeTestCertificates } from '../helpers/test-certificates.js';
import { startRecordingProxy, type RecordingProxy } from '../helpers/recording-proxy.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-proxy-tls-'));
const file = (name: string) => path.join(dir, name);
let server: https.Server;
let proxy: RecordingProxy;
let url = '';

beforeAll(async () => {
  makeTestCertificates(dir, 'proxy test CA');
  server = https.createServer(
    {
      key: fs.readFileSync(file('server.key')),
      cert: fs.readFileSync(file('server.pem')),
      ca: fs.readFileSync(file('ca.pem')),
      requestCert: true,
      rejectUnauthorized: false,
    },
    (request, response) => {
      const authorized = (request.socket as TLSSocket).authorized;
      response.writeHead(authorized ? 200 : 403, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(authorized ? { client: 'verified' } : 'client certificate required'));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy = await startRecordingProxy();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await proxy.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const endpoint = (tls: Endpoint['tls']): Endpoint => ({
  kind: 'prometheus',
  name: 'secure',
  url,
  retries: 0,
  proxyUrl: proxy.url,
  ...(tls ? { tls } : {}),
});

describe('an https source through a proxy', () => {
  it('tunnels with CONNECT and applies the CA and client certificate inside the tunnel', async () => {
    const tls = {
      caFile: file('ca.pem'),
      certFile: file('client.pem'),
      keyFile: file('client.key'),
      insecureSkipVerify: false,
    };
    expect(await getJson(endpoint(tls), '/api/v1/status/buildinfo')).toEqual({ client: 'verified' });
    expect(proxy.seen).toContain(`CONNECT ${url.replace('https://', '')}`);
    expect(proxy.seen.some((line) => line.startsWith('GET'))).toBe(false);
  });

  it('still verifies the server certificate inside the tunnel: its CA and its name', async () => {
    const untrusted = await getJson(endpoint({ insecureSkipVerify: false }), '/').catch((e: unknown) => e);
    expect(untrusted).toBeInstanceOf(SourceError);
    expect(untrusted).toMatchObject({ kind: 'tls' });
    const tls = { caFile: file('ca.pem'), serverName: 'other.example', insecureSkipVerify: false };
    const wrongName = await getJson(endpoint(tls), '/').catch((e: unknown) => e);
    expect(wrongName).toBeInstanceOf(SourceError);
    expect((wrongName as SourceError).message).toContain('certificate is for another host name');
  });
});
