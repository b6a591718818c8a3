// http_config `oauth2` (client credentials) and `proxy_url`, end to end through `sitrep`: a local
// token endpoint hands out tokens, a local proxy records what passes through it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShapeError } from '../../src/core/alerts/shape.js';
import { readHttpConfigDocument } from '../../src/core/config/http-config.js';
import { getJson } from '../../src/sources/http-client.js';
import { amAlert, haproxyLabels, promAlerts } from '../helpers/api-fixtures.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { startRecordingProxy, type RecordingProxy } from '../helpers/recording-proxy.js';
import { runCli, tempConfigHome } from '../helpers/run-cli.js';

let am: FaultServer;
let prom: FaultServer;
let auth: FaultServer;
let proxy: RecordingProxy;
let issued = 0;
beforeAll(async () => {
  am = await startFaultServer({ '/api/v2/alerts': { kind: 'json', body: [amAlert(haproxyLabels('web1'))] } });
  prom = await startFaultServer({ '/api/v1/alerts': { kind: 'json', body: promAlerts([]) } });
  auth = await startFaultServer({
    '/token': {
      kind: 'handler',
      handle: (_request, response) => {
        issued += 1;
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ access_token: `tok-${issued}`, token_type: 'Bearer', expires_in: 3600 }));
      },
    },
    '/refuse': { kind: 'json', status: 401, body: { error: 'invalid_client\u001b[31m' } },
  });
  proxy = await startRecordingProxy();
});
afterAll(async () => {
  await Promise.all([am.close(), prom.close(), auth.close(), proxy.close()]);
});

function httpConfig(text: string): { dir: string; env: Record<string, string> } {
  const dir = tempConfigHome();
  fs.writeFileSync(path.join(dir, 'http.yml'), text);
  fs.writeFileSync(path.join(dir, 'secret'), 's3cret\n');
  return { dir, env: { XDG_CONFIG_HOME: dir } };
}

describe('http_config oauth2', () => {
  it('gets a token with the client credentials and sends it as a bearer token', async () => {
    const { dir, env } = httpConfig(
      `oauth2:\n  client_id: sitrep\n  client_secret_file: secret\n  token_url: ${auth.url}/token\n` +
        `  scopes: [alerts.read, rules.read]\n  endpoint_params: { audience: monitoring }\n`,
    );
    const before = am.requests.length;
    const result = await runCli(
      [
        'alerts',
        '--json',
        '--http.config.file',
        'http.yml',
        '--alertmanager.url',
        am.url,
        '--prometheus.url',
        prom.url,
      ],
      env,
      { cwd: dir },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const token = auth.requestsTo('/token').at(-1);
    expect(token?.method).toBe('POST');
    expect(token?.headers['authorization']).toBe(`Basic ${Buffer.from('sitrep:s3cret').toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(token?.body))).toEqual({
      grant_type: 'client_credentials',
      scope: 'alerts.read rules.read',
      audience: 'monitoring',
    });
    const sent = am.requests.slice(before).map((r) => r.headers['authorization']);
    expect(sent).toEqual([`Bearer tok-${issued}`]);
    expect(prom.requests.at(-1)?.headers['authorization']).toMatch(/^Bearer tok-\d+$/);
  });

  it('reuses a token until it expires', async () => {
    const settings = readHttpConfigDocument(
      { oauth2: { client_id: 'a', client_secret: 'b', token_url: `${auth.url}/token` } },
      (p) => p,
    );
    const endpoint = { name: 'am', url: am.url, ...(settings.oauth2 ? { oauth2: settings.oauth2 } : {}) };
    const tokensBefore = auth.requestsTo('/token').length;
    await getJson(endpoint, '/api/v2/alerts');
    await getJson(endpoint, '/api/v2/alerts');
    expect(auth.requestsTo('/token').length - tokensBefore).toBe(1);
  });

  it('says in words when the token endpoint refuses, without its raw text', async () => {
    const { dir, env } = httpConfig(
      `oauth2:\n  client_id: sitrep\n  client_secret: wrong\n  token_url: ${auth.url}/refuse\n`,
    );
    const result = await runCli(
      ['alerts', '--http.config.file', 'http.yml', '--alertmanager.url', am.url, '--prometheus.url='],
      env,
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('OAuth2 token endpoint: HTTP 401, no access token: invalid_client');
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr).not.toContain('wrong');
  });

  it('rejects oauth2 together with another kind of auth, and a token_url that is not http(s)', () => {
    const read = (doc: unknown) => () => readHttpConfigDocument(doc, (p) => p);
    const oauth2 = { client_id: 'a', client_secret: 'b', token_url: 'https://idp.example/token' };
    expect(read({ oauth2, basic_auth: { username: 'u', password: 'p' } })).toThrow(ShapeError);
    expect(read({ oauth2: { ...oauth2, token_url: 'ftp://idp' } })).toThrow(/token_url: expected an http/);
    expect(read({ oauth2: { ...oauth2, client_secret: undefined } })).toThrow(/client_secret/);
  });
});

describe('http_config proxy_url', () => {
  it('sends Alertmanager and Prometheus requests through the proxy', async () => {
    const { dir, env } = httpConfig(`proxy_url: ${proxy.url}\n`);
    const result = await runCli(
      [
        'alerts',
        '--json',
        '--http.config.file',
        'http.yml',
        '--alertmanager.url',
        am.url,
        '--prometheus.url',
        prom.url,
      ],
      env,
      { cwd: dir },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ alerts: [{ labels: { server: 'web1' } }] });
    expect(proxy.seen).toContain(
      `GET ${am.url}/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true`,
    );
    expect(proxy.seen).toContain(`GET ${prom.url}/api/v1/alerts`);
  });

  it('asks the OAuth2 token endpoint through the proxy too', async () => {
    const { dir, env } = httpConfig(
      `proxy_url: ${proxy.url}\noauth2:\n  client_id: a\n  client_secret: b\n  token_url: ${auth.url}/token\n`,
    );
    const result = await runCli(
      ['alerts', '--http.config.file', 'http.yml', '--alertmanager.url', am.url, '--prometheus.url='],
      env,
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(proxy.seen).toContain(`POST ${auth.url}/token`);
  });

  it('fetches a runbook URL through the same proxy', async () => {
    const wiki = await startFaultServer({
      '/rb.md': {
        kind: 'text',
        body: '---\nalert: WikiAlert\n---\n# WikiAlert\n\n## Diagnosis\n\n1. Look at it\n',
      },
    });
    try {
      const { dir, env } = httpConfig(`proxy_url: ${proxy.url}\n`);
      const result = await runCli(
        [
          'runbook',
          'WikiAlert',
          '--runbook-url',
          `${wiki.url}/rb.md`,
          '--allow-http',
          '--runbooks.allowed-host',
          new URL(wiki.url).host,
          '--http.config.file',
          'http.yml',
        ],
        { ...env, XDG_CACHE_HOME: dir },
        { cwd: dir },
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Look at it');
      expect(proxy.seen).toContain(`GET ${wiki.url}/rb.md`);
    } finally {
      await wiki.close();
    }
  });

  it('opens a CONNECT tunnel for an https source, with the proxy credentials from its URL', async () => {
    const withUser = proxy.url.replace('http://', 'http://ops:pa%20ss@');
    const { dir, env } = httpConfig(`proxy_url: ${withUser}\n`);
    const target = am.url.replace('http://', 'https://');
    await runCli(
      [
        'alerts',
        '--http.config.file',
        'http.yml',
        '--alertmanager.url',
        target,
        '--prometheus.url=',
        '--timeout',
        '2s',
      ],
      env,
      { cwd: dir },
    );
    const index = proxy.seen.indexOf(`CONNECT ${target.replace('https://', '')}`);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(proxy.proxyAuthorization[index]).toBe(`Basic ${Buffer.from('ops:pa ss').toString('base64')}`);
  });

  it('refuses a proxy scheme it cannot speak, naming the key', async () => {
    const { dir, env } = httpConfig('proxy_url: socks5://127.0.0.1:1080\n');
    const result = await runCli(['alerts', '--http.config.file', 'http.yml'], env, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('proxy_url: a socks5 proxy is not supported');
  });
});

describe('sitrep config with oauth2', () => {
  it('checks the oauth2 keys in the config file and redacts the client secret when listing', async () => {
    const home = tempConfigHome();
    fs.mkdirSync(path.join(home, 'sitrep'));
    fs.writeFileSync(
      path.join(home, 'sitrep', 'config.yml'),
      `prometheus:\n  url: ${prom.url}\n  proxy_url: ${proxy.url}\n  oauth2:\n    client_id: sitrep\n` +
        `    client_secret: hunter2\n    token_url: ${auth.url}/token\n`,
    );
    const env = { XDG_CONFIG_HOME: home };
    const list = await runCli(['config', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('prometheus.oauth2.client_id=sitrep');
    expect(list.stdout).not.toContain('hunter2');
    const set = await runCli(['config', 'set', 'prometheus.oauth2.token_url', 'ldap://idp'], env);
    expect(set.code).toBe(2);
    expect(set.stderr).toContain('token_url: expected an http:// or https:// URL');
  });
});
