// The HTTP client against a misbehaving server: every failure is a SourceError with its cause in
// words, the source's name and the URL without credentials; nothing is left as an unhandled
// rejection (vitest fails the run on one).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointUrl, getJson, getText, sendJson, type Endpoint } from '../../src/sources/http-client.js';
import { sourceFailure } from '../helpers/source-failure.js';
import { refusedUrl, startFaultServer, type FaultServer } from '../helpers/fault-server.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
});

function endpoint(over: Partial<Endpoint> = {}): Endpoint {
  return {
    kind: 'alertmanager',
    name: 'am-test',
    url: server.url,
    timeoutMs: 2_000,
    retryDelayMs: 10,
    ...over,
  };
}

describe('getJson', () => {
  it('joins the base path, sends the query and the configured headers', async () => {
    server.route('/prometheus/api/v1/query', { kind: 'json', body: { ok: true } });
    const ep = endpoint({ url: `${server.url}/prometheus/`, headers: { 'X-Scope-OrgID': 'team-a' } });
    expect(
      await getJson(ep, '/api/v1/query', { query: 'up', filter: ['a="1"', 'b="2"'], skip: undefined }),
    ).toEqual({
      ok: true,
    });
    const [received] = server.requestsTo('/prometheus/api/v1/query');
    expect(received?.query).toEqual({ query: ['up'], filter: ['a="1"', 'b="2"'] });
    expect(received?.headers['x-scope-orgid']).toBe('team-a');
    expect(received?.headers['accept']).toBe('application/json');
  });

  it('sends bearer, file-based and basic credentials', async () => {
    server.route('/auth', { kind: 'json', body: {} });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-auth-'));
    const tokenFile = path.join(dir, 'token');
    fs.writeFileSync(tokenFile, 'from-file\n');
    await getJson(
      endpoint({
        auth: { kind: 'authorization', type: 'Bearer', credentials: { kind: 'inline', value: 't0k' } },
      }),
      '/auth',
    );
    await getJson(
      endpoint({
        auth: { kind: 'authorization', type: 'Bearer', credentials: { kind: 'file', path: tokenFile } },
      }),
      '/auth',
    );
    await getJson(
      endpoint({ auth: { kind: 'basic', username: 'bob', password: { kind: 'inline', value: 'pw' } } }),
      '/auth',
    );
    expect(server.requestsTo('/auth').map((r) => r.headers['authorization'])).toEqual([
      'Bearer t0k',
      'Bearer from-file',
      `Basic ${Buffer.from('bob:pw').toString('base64')}`,
    ]);
    const missing = await sourceFailure(
      getJson(
        endpoint({
          auth: { kind: 'authorization', type: 'Bearer', credentials: { kind: 'file', path: `${dir}/nope` } },
        }),
        '/auth',
      ),
    );
    expect(missing.kind).toBe('credentials');
    expect(missing.message).toContain(`cannot read the credentials file ${dir}/nope (ENOENT)`);
  });

  it('says "connection refused", names the source and URL, and hints at the fix', async () => {
    const url = await refusedUrl();
    const error = await sourceFailure(getJson(endpoint({ url: `${url}/base` }), '/api/v2/alerts'));
    expect(error.kind).toBe('connection-refused');
    expect(error.message).toBe(`alertmanager am-test: connection refused (${url}/base/api/v2/alerts)`);
    expect(error.hint).toContain(`Is Alertmanager running at ${url}?`);
    expect(error.exitCode).toBe(1);
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    server.route('/slow', { kind: 'hang' });
    const started = Date.now();
    const error = await sourceFailure(getJson(endpoint({ timeoutMs: 300 }), '/slow'));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('no answer within 300 ms (timeout)');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(server.requestsTo('/slow')).toHaveLength(1); // a timeout is not retried
  });

  it('stops when the caller aborts', async () => {
    server.route('/abort', { kind: 'hang' });
    const controller = new AbortController();
    const pending = getJson(endpoint({ timeoutMs: 30_000 }), '/abort', {}, controller.signal);
    controller.abort();
    expect((await sourceFailure(pending)).kind).toBe('aborted');
  });

  it('retries a 503 and succeeds when the server recovers', async () => {
    server.route('/flaky', {
      kind: 'sequence',
      steps: [
        { kind: 'text', status: 503, body: 'warming up' },
        { kind: 'json', body: ['ok'] },
      ],
    });
    expect(await getJson(endpoint(), '/flaky')).toEqual(['ok']);
    expect(server.requestsTo('/flaky')).toHaveLength(2);
  });

  it('reports a 500 with what the server said, after bounded retries only for passing errors', async () => {
    server.route('/boom', { kind: 'text', status: 500, body: 'internal\u001b[31m failure\nstack...' });
    const error = await sourceFailure(getJson(endpoint(), '/boom'));
    expect(error).toMatchObject({ kind: 'http', status: 500 });
    expect(error.message).toBe(
      `alertmanager am-test: HTTP 500 Internal Server Error: internal failure (${server.url}/boom)`,
    );
    expect(server.requestsTo('/boom')).toHaveLength(1);
  });

  it('shows a 5xx HTML error page as its status and a short plain excerpt (issue #11, defect 9)', async () => {
    const page =
      '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>' +
      '<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.18.0 &amp; friends</center>' +
      `<p>${'x'.repeat(300)}</p></body></html>`;
    server.route('/gateway', { kind: 'text', status: 502, body: page, contentType: 'text/html' });
    const error = await sourceFailure(getJson(endpoint({ retries: 0 }), '/gateway'));
    expect(error).toMatchObject({ kind: 'http', status: 502 });
    expect(error.message).toMatch(
      /^alertmanager am-test: HTTP 502 Bad Gateway: an HTML page: "502 Bad Gateway nginx\/1\.18\.0 & friends x+…" \(/,
    );
    expect(error.message).not.toMatch(/[<>{}]/);
  });

  it('says credentials that were sent were refused (issue #11, defect 9)', async () => {
    server.route('/401', { kind: 'text', status: 401, body: 'Unauthorized' });
    const refused = await sourceFailure(
      getJson(
        endpoint({
          auth: { kind: 'authorization', type: 'Bearer', credentials: { kind: 'inline', value: 't' } },
        }),
        '/401',
      ),
    );
    expect(refused.message).toContain('HTTP 401 not authorized: the server refused the credentials sent');
    expect(refused.hint).toContain('it was sent and refused');
    const none = await sourceFailure(getJson(endpoint(), '/401'));
    expect(none.message).not.toContain('refused the credentials');
  });

  it('follows a redirect on the same host and refuses one to another host (issue #11, defect 9)', async () => {
    const other = await startFaultServer({ '/elsewhere': { kind: 'json', body: ['other'] } });
    try {
      server.route('/moved', { kind: 'json', status: 302, body: '', headers: { Location: '/here' } });
      server.route('/here', { kind: 'json', body: ['here'] });
      server.route('/away', {
        kind: 'json',
        status: 302,
        body: '',
        headers: { Location: `${other.url}/elsewhere` },
      });
      expect(await getJson(endpoint(), '/moved')).toEqual(['here']);
      const away = await sourceFailure(getJson(endpoint(), '/away'));
      expect(away.kind).toBe('redirect');
      expect(away.message).toContain(
        `the server redirects to another host, ${other.url}, which sitrep does not follow`,
      );
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('explains 401 and 403 and the Prometheus errorType/error of a 400', async () => {
    server.route('/401', { kind: 'text', status: 401, body: 'Unauthorized' });
    server.route('/403', { kind: 'text', status: 403, body: '' });
    server.route('/400', {
      kind: 'json',
      status: 400,
      body: { status: 'error', errorType: 'bad_data', error: 'parse error at char 3' },
    });
    const e401 = await sourceFailure(getJson(endpoint(), '/401'));
    expect(e401).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(e401.message).toContain('HTTP 401 not authorized');
    expect(e401.hint).toContain('set authorization or basic_auth');
    expect((await sourceFailure(getJson(endpoint(), '/403'))).kind).toBe('forbidden');
    expect((await sourceFailure(getJson(endpoint(), '/400'))).message).toContain(
      'HTTP 400 Bad Request: bad_data: parse error at char 3',
    );
  });

  it('calls cut-off JSON and HTML pages bad JSON, and a dropped connection a network error', async () => {
    const body = JSON.stringify([{ labels: { alertname: 'x' } }]);
    server.route('/partial', { kind: 'partial', body, sendBytes: 12 });
    server.route('/html', {
      kind: 'text',
      body: '<html><body>Login</body></html>',
      contentType: 'text/html',
    });
    server.route('/truncate', { kind: 'truncate', body, sendBytes: 10 });
    const partial = await sourceFailure(getJson(endpoint(), '/partial'));
    expect(partial.kind).toBe('bad-json');
    expect(partial.message).toContain('the answer is not valid JSON');
    const html = await sourceFailure(getJson(endpoint(), '/html'));
    expect(html.message).toContain('the answer is an HTML page: "Login", not JSON');
    expect(html.message).not.toContain('<');
    const truncated = await sourceFailure(getJson(endpoint({ retries: 0 }), '/truncate'));
    expect(truncated.kind).toBe('network');
    expect(truncated.message).toContain('the connection closed before the whole answer arrived');
  });

  it('refuses a body over the cap, whether or not its length is declared', async () => {
    server.route('/big-declared', { kind: 'oversize', bytes: 200_000, declareLength: true });
    server.route('/big-streamed', { kind: 'oversize', bytes: 200_000, declareLength: false });
    for (const p of ['/big-declared', '/big-streamed']) {
      const error = await sourceFailure(getJson(endpoint({ maxResponseBytes: 100_000 }), p));
      expect(error.kind, p).toBe('too-large');
      expect(error.hint).toContain('max_response_size');
      // The limit in the words is the one configured (it read "0 MiB" for anything under 512 KiB).
      expect(error.message, p).toContain('over the size limit of 97.7 KiB');
    }
    // The same body fits under a larger cap (and is then just bad JSON).
    expect(
      (await sourceFailure(getJson(endpoint({ maxResponseBytes: 300_000 }), '/big-streamed'))).kind,
    ).toBe('bad-json');
  });

  it('turns credentials in a URL into basic auth and never puts them into an error', async () => {
    server.route('/userinfo', { kind: 'json', body: {} });
    await getJson(endpoint({ url: server.url.replace('//', '//bob:s%40cret@') }), '/userinfo');
    expect(server.requestsTo('/userinfo')[0]?.headers['authorization']).toBe(
      `Basic ${Buffer.from('bob:s@cret').toString('base64')}`,
    );
    const url = await refusedUrl();
    const error = await sourceFailure(getJson(endpoint({ url: url.replace('//', '//bob:hunter2@') }), '/x'));
    expect(`${error.message} ${error.hint ?? ''}`).not.toContain('hunter2');
    expect(`${error.message} ${error.hint ?? ''}`).not.toContain('bob');
  });
});

describe('getText, sendJson and endpointUrl', () => {
  it('fetches text at the endpoint URL itself', async () => {
    server.route('/runbooks/a.md', { kind: 'text', body: '# Runbook', contentType: 'text/markdown' });
    expect(await getText({ name: 'runbook', url: `${server.url}/runbooks/a.md` }, '')).toBe('# Runbook');
  });

  it('sends JSON once, never retried, and returns undefined for an empty answer', async () => {
    server.route('/post', { kind: 'sequence', steps: [{ kind: 'text', status: 503, body: 'busy' }] });
    expect((await sourceFailure(sendJson(endpoint(), 'POST', '/post', { a: 1 }))).status).toBe(503);
    const [posted] = server.requestsTo('/post');
    expect(server.requestsTo('/post')).toHaveLength(1);
    expect(posted).toMatchObject({ method: 'POST', body: '{"a":1}' });
    expect(posted?.headers['content-type']).toBe('application/json');
    server.route('/delete', { kind: 'text', body: '' });
    expect(await sendJson(endpoint(), 'DELETE', '/delete')).toBeUndefined();
  });

  it('joins paths without doubling slashes', () => {
    expect(
      endpointUrl({ name: 'x', url: 'https://mimir.example/prometheus/' }, '/api/v1/query', { query: 'a b' }),
    ).toBe('https://mimir.example/prometheus/api/v1/query?query=a+b');
  });
});
