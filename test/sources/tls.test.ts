// TLS per source against a local https server with certificates made by openssl for this test:
// a custom CA, mutual TLS with a client certificate, and insecureSkipVerify.
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, type Endpoint } from '../../src/sources/http-client.js';
import { SourceError } from '../../src/sources/http-error.js';
import { makeTestCertificates } from '../helpers/test-certificates.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-tls-'));
const file = (name: string) => path.join(dir, name);
let server: https.Server;
let url: string;

beforeAll(async () => {
  makeTestCertificates(dir);
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
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

const endpoint = (tls: Endpoint['tls'] | undefined): Endpoint => ({
  kind: 'prometheus',
  name: 'secure',
  url,
  retries: 0,
  ...(tls ? { tls } : {}),
});

describe('TLS', () => {
  it('fails with a TLS error when the server certificate is not trusted', async () => {
    const error = await getJson(endpoint(undefined), '/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ kind: 'tls' });
    // Words, not Node's code (issue #11, defect 9).
    expect((error as SourceError).message).toContain(
      "prometheus secure: the server's certificate is not signed by a CA sitrep trusts",
    );
    expect((error as SourceError).message).not.toMatch(/[A-Z]{3,}_[A-Z_]+/);
    expect((error as SourceError).hint).toContain('tls_config.ca_file');
  });

  it('trusts a custom CA and presents a client certificate (mutual TLS)', async () => {
    const tls = {
      caFile: file('ca.pem'),
      certFile: file('client.pem'),
      keyFile: file('client.key'),
      insecureSkipVerify: false,
    };
    expect(await getJson(endpoint(tls), '/')).toEqual({ client: 'verified' });
  });

  it('is refused by an mTLS server without a client certificate', async () => {
    const error = await getJson(endpoint({ caFile: file('ca.pem'), insecureSkipVerify: false }), '/').catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
  });

  it('skips verification only when told to', async () => {
    const tls = { certFile: file('client.pem'), keyFile: file('client.key'), insecureSkipVerify: true };
    expect(await getJson(endpoint(tls), '/')).toEqual({ client: 'verified' });
  });

  it('says so in words when the certificate is for another host name', async () => {
    const tls = { caFile: file('ca.pem'), insecureSkipVerify: false };
    const error = await getJson({ ...endpoint(tls), url: url.replace('127.0.0.1', 'localhost') }, '/').catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'tls' });
    expect((error as SourceError).message).toContain("the server's certificate is for another host name");
    expect((error as SourceError).hint).toContain('tls_config.server_name');
  });

  it('says a server that insists on a client certificate wants one, naming cert_file', async () => {
    const strict = https.createServer(
      {
        key: fs.readFileSync(file('server.key')),
        cert: fs.readFileSync(file('server.pem')),
        ca: fs.readFileSync(file('ca.pem')),
        requestCert: true,
        rejectUnauthorized: true,
      },
      (_request, response) => response.end('{}'),
    );
    await new Promise<void>((resolve) => strict.listen(0, '127.0.0.1', resolve));
    try {
      const strictUrl = `https://127.0.0.1:${(strict.address() as AddressInfo).port}`;
      const tls = { caFile: file('ca.pem'), insecureSkipVerify: false };
      const error = await getJson({ ...endpoint(tls), url: strictUrl }, '/').catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'tls' });
      expect((error as SourceError).message).toContain('the server wants a client certificate (mutual TLS)');
      expect((error as SourceError).hint).toContain('tls_config.cert_file');
    } finally {
      strict.closeAllConnections();
      await new Promise((resolve) => strict.close(resolve));
    }
  });

  it('names an unreadable CA file', async () => {
    const error = await getJson(
      endpoint({ caFile: file('missing.pem'), insecureSkipVerify: false }),
      '/',
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'tls' });
    expect((error as Error).message).toContain(`cannot read the CA file ${file('missing.pem')} (ENOENT)`);
  });
});
