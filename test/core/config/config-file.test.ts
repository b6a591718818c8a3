import { describe, expect, it } from 'vitest';
import { readFileConfig } from '../../../src/core/config/config-file.js';
import { mergeHttpSettings, readHttpConfigDocument } from '../../../src/core/config/http-config.js';

const resolve = (file: string) => (file.startsWith('/') ? file : `/etc/sitrep/${file}`);

describe('readFileConfig', () => {
  it('reads every key, a bare URL source and a list of sources', () => {
    const config = readFileConfig(
      {
        timeout: '10s',
        output: 'extended',
        max_response_size: '64MiB',
        http_config_file: 'http.yml',
        alertmanager: [
          'http://am-1:9093',
          {
            url: 'https://am-2.example',
            name: 'eu',
            timeout: '2s',
            headers: { 'X-Scope-OrgID': 'team-a' },
            authorization: { credentials_file: 'token' },
            tls_config: { ca_file: '/ca.pem', insecure_skip_verify: false },
          },
        ],
        prometheus: { url: 'https://mimir.example/prometheus', basic_auth: { username: 'u', password: 'p' } },
      },
      resolve,
    );
    expect(config).toEqual({
      timeoutMs: 10_000,
      output: 'extended',
      maxResponseBytes: 64 * 1024 * 1024,
      httpConfigFile: '/etc/sitrep/http.yml',
      alertmanager: [
        { url: 'http://am-1:9093', http: { headers: {} } },
        {
          url: 'https://am-2.example',
          name: 'eu',
          timeoutMs: 2_000,
          http: {
            headers: { 'X-Scope-OrgID': 'team-a' },
            auth: {
              kind: 'authorization',
              type: 'Bearer',
              credentials: { kind: 'file', path: '/etc/sitrep/token' },
            },
            tls: { caFile: '/ca.pem', insecureSkipVerify: false },
          },
        },
      ],
      prometheus: {
        url: 'https://mimir.example/prometheus',
        http: {
          headers: {},
          auth: { kind: 'basic', username: 'u', password: { kind: 'inline', value: 'p' } },
        },
      },
    });
  });

  it('treats an empty file as no settings and prometheus: "" as switched off', () => {
    expect(readFileConfig(null, resolve)).toEqual({});
    expect(readFileConfig({ prometheus: '' }, resolve)).toEqual({ prometheus: null });
    expect(readFileConfig({ prometheus: { url: '' } }, resolve)).toEqual({ prometheus: null });
  });

  it('reads runbooks.dirs as one folder or a list, relative to the file, ~ left for HOME', () => {
    expect(readFileConfig({ runbooks: { dirs: 'team' } }, resolve)).toEqual({
      runbookDirs: ['/etc/sitrep/team'],
    });
    expect(readFileConfig({ runbooks: { dirs: ['/srv/rb', '~/rb', 'team'] } }, resolve)).toEqual({
      runbookDirs: ['/srv/rb', '~/rb', '/etc/sitrep/team'],
    });
    expect(readFileConfig({ runbooks: null }, resolve)).toEqual({});
    expect(readFileConfig({ runbooks: { dirs: null } }, resolve)).toEqual({});
  });

  it('names the key at fault', () => {
    const cases: [unknown, string][] = [
      [{ timout: '1s' }, 'timout: unknown key'],
      [{ timeout: '10x' }, 'timeout: "10x" is not a positive duration'],
      [{ output: 'yaml' }, 'output: expected one of simple, extended, json, got "yaml"'],
      [
        { alertmanager: [{ url: 'ftp://x' }] },
        'alertmanager[0].url: not http:// or https:// (ftp: is not supported)',
      ],
      [{ alertmanager: [{}, {}] }, 'alertmanager[0].url: missing: a source needs its url'],
      [{ prometheus: { url: 'http://p', headers: { a: 1 } } }, 'prometheus.headers.a: expected a string'],
      [
        { prometheus: { url: 'http://p', tls_config: { cert_file: 'c' } } },
        'prometheus.tls_config: cert_file and key_file go together',
      ],
      [
        { prometheus: { url: 'http://p', basic_auth: { username: 'u', password: 'p', password_file: 'f' } } },
        'prometheus.basic_auth: give password or password_file, not both',
      ],
      [
        { prometheus: { url: 'http://p', authorization: {} } },
        'prometheus.authorization.credentials: missing',
      ],
      [{ prometheus: { url: 'http://p', sigv4: {} } }, 'prometheus.sigv4: unknown key'],
      [{ runbooks: ['/rb'] }, 'runbooks: expected an object, got a list'],
      [{ runbooks: { dir: '/rb' } }, 'runbooks.dir: unknown key (expected one of: dirs, allowed_hosts)'],
      [{ runbooks: { dirs: 3 } }, 'runbooks.dirs: expected a folder or a list of folders, got the number 3'],
      [{ runbooks: { dirs: ['/a', { path: '/b' }] } }, 'runbooks.dirs[1]: expected a string, got an object'],
      [{ runbooks: { dirs: ['/a', ' '] } }, 'runbooks.dirs[1]: expected a folder, got ""'],
    ];
    for (const [doc, message] of cases) expect(() => readFileConfig(doc, resolve), message).toThrow(message);
  });
});

describe('http_config documents', () => {
  it('reads Prometheus http_config, ignoring keys that make no difference', () => {
    const settings = readHttpConfigDocument(
      {
        follow_redirects: true,
        authorization: { type: 'Bearer', credentials: 's3cret' },
        tls_config: { cert_file: 'c.pem', key_file: 'k.pem', insecure_skip_verify: true },
      },
      resolve,
    );
    expect(settings).toEqual({
      auth: { kind: 'authorization', type: 'Bearer', credentials: { kind: 'inline', value: 's3cret' } },
      tls: { certFile: '/etc/sitrep/c.pem', keyFile: '/etc/sitrep/k.pem', insecureSkipVerify: true },
    });
    expect(readHttpConfigDocument({ bearer_token_file: '/t' }, resolve)).toEqual({
      auth: { kind: 'authorization', type: 'Bearer', credentials: { kind: 'file', path: '/t' } },
    });
    expect(() => readHttpConfigDocument({ proxy_from_environment: true }, resolve)).toThrow(
      'proxy_from_environment: unknown key',
    );
    expect(() =>
      readHttpConfigDocument({ bearer_token: 'a', basic_auth: { username: 'u' } }, resolve),
    ).toThrow('at most one of authorization, bearer_token, basic_auth and oauth2');
  });

  it('merges layers: auth replaced whole, tls and headers key by key', () => {
    const merged = mergeHttpSettings(
      {
        auth: { kind: 'basic', username: 'a', password: undefined },
        tls: { caFile: '/ca' },
        headers: { A: '1' },
      },
      undefined,
      { tls: { insecureSkipVerify: true }, headers: { B: '2' } },
      { auth: { kind: 'authorization', type: 'Bearer', credentials: { kind: 'inline', value: 't' } } },
    );
    expect(merged).toEqual({
      auth: { kind: 'authorization', type: 'Bearer', credentials: { kind: 'inline', value: 't' } },
      tls: { caFile: '/ca', insecureSkipVerify: true },
      headers: { A: '1', B: '2' },
    });
  });
});
