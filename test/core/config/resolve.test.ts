import { describe, expect, it } from 'vitest';
import type { FileConfig } from '../../../src/core/config/config-file.js';
import type { HttpSettings } from '../../../src/core/config/http-config.js';
import {
  httpConfigFiles,
  resolveConfig,
  type ConfigInputs,
  type SourceFlags,
} from '../../../src/core/config/resolve.js';
import { UsageError } from '../../../src/core/errors.js';

const noFlags: SourceFlags = {
  alertmanagerUrls: [],
  prometheusUrl: undefined,
  timeout: undefined,
  output: undefined,
  json: false,
  httpConfigFile: undefined,
};

/** The error resolveConfig throws for these inputs. */
function bad(i: ConfigInputs): unknown {
  try {
    resolveConfig(i);
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function inputs(
  over: Partial<Omit<ConfigInputs, 'flags'>> & { flags?: Partial<SourceFlags> } = {},
): ConfigInputs {
  return {
    env: over.env ?? { alertmanagerUrls: undefined, prometheusUrl: undefined },
    file: over.file ?? {},
    httpConfigs: over.httpConfigs ?? new Map(),
    flags: { ...noFlags, ...over.flags },
  };
}

const urls = (i: ConfigInputs) => {
  const { config } = resolveConfig(i);
  return { am: config.alertmanagers.map((s) => s.url), prom: config.prometheus?.url };
};

const file: FileConfig = {
  alertmanager: [{ url: 'http://file-am:9093', http: {} }],
  prometheus: { url: 'http://file-prom:9090', http: {} },
  timeoutMs: 7_000,
  output: 'extended',
};

describe('resolveConfig precedence: flags > environment > file > defaults', () => {
  it('uses the defaults with nothing else', () => {
    const { config, warnings } = resolveConfig(inputs());
    expect(urls(inputs())).toEqual({ am: ['http://localhost:9093'], prom: 'http://localhost:9090' });
    expect(config.output).toBe('simple');
    expect(config.alertmanagers[0]).toMatchObject({
      name: 'localhost:9093',
      timeoutMs: 5_000,
      auth: { kind: 'none' },
    });
    expect(config.alertmanagers[0]?.maxResponseBytes).toBeGreaterThanOrEqual(70_000_000);
    expect(warnings).toEqual([]);
  });

  it('takes the file over the defaults', () => {
    const { config } = resolveConfig(inputs({ file }));
    expect(urls(inputs({ file }))).toEqual({ am: ['http://file-am:9093'], prom: 'http://file-prom:9090' });
    expect(config.output).toBe('extended');
    expect(config.alertmanagers[0]?.timeoutMs).toBe(7_000);
  });

  it('takes the environment over the file, splitting SITREP_ALERTMANAGER_URL on commas', () => {
    const env = {
      alertmanagerUrls: 'http://env-a:9093, http://env-b:9093,',
      prometheusUrl: 'http://env-prom:9090',
    };
    expect(urls(inputs({ file, env }))).toEqual({
      am: ['http://env-a:9093', 'http://env-b:9093'],
      prom: 'http://env-prom:9090',
    });
    expect(urls(inputs({ file, env: { alertmanagerUrls: '', prometheusUrl: undefined } }))).toEqual({
      am: ['http://file-am:9093'],
      prom: 'http://file-prom:9090',
    });
  });

  it('takes flags over everything', () => {
    const env = { alertmanagerUrls: 'http://env-a:9093', prometheusUrl: 'http://env-prom:9090' };
    const flags = {
      alertmanagerUrls: ['http://flag-1:9093', 'http://flag-2:9093/'],
      prometheusUrl: 'http://flag-prom/',
      timeout: '1m30s',
      output: 'json',
    };
    const i = inputs({ file, env, flags });
    expect(urls(i)).toEqual({ am: ['http://flag-1:9093', 'http://flag-2:9093'], prom: 'http://flag-prom' });
    const { config } = resolveConfig(i);
    expect(config.output).toBe('json');
    expect(config.prometheus?.timeoutMs).toBe(90_000);
  });

  it('switches Prometheus off with an empty --prometheus.url or SITREP_PROMETHEUS_URL alike', () => {
    expect(urls(inputs({ file, flags: { prometheusUrl: '' } })).prom).toBeUndefined();
    const env = { alertmanagerUrls: undefined, prometheusUrl: '' };
    expect(urls(inputs({ file, env })).prom).toBeUndefined();
    expect(urls(inputs({ env })).prom).toBeUndefined(); // not the localhost:9090 default either
    expect(urls(inputs({ env, flags: { prometheusUrl: 'http://flag-prom' } })).prom).toBe('http://flag-prom');
    expect(urls(inputs({ file: { prometheus: null } })).prom).toBeUndefined();
  });

  it('gives a URL from a flag the settings the file has for the same server', () => {
    const withAuth: FileConfig = {
      alertmanager: [{ url: 'https://am.example/', name: 'prod', http: { headers: { 'X-Team': 'a' } } }],
    };
    const { config } = resolveConfig(
      inputs({ file: withAuth, flags: { alertmanagerUrls: ['https://am.example'] } }),
    );
    expect(config.alertmanagers[0]).toMatchObject({ name: 'prod', headers: { 'X-Team': 'a' } });
  });

  it('layers http config: file-wide, per source, then --http.config.file, then URL credentials', () => {
    const httpConfigs = new Map<string, HttpSettings>([
      [
        '/shared.yml',
        { tls: { caFile: '/shared-ca' }, auth: { kind: 'basic', username: 'shared', password: undefined } },
      ],
      ['/flag.yml', { tls: { insecureSkipVerify: true } }],
    ]);
    const i = inputs({
      file: { httpConfigFile: '/shared.yml' },
      httpConfigs,
      flags: { httpConfigFile: '/flag.yml' },
    });
    expect(httpConfigFiles(i.flags, i.file)).toEqual(['/flag.yml', '/shared.yml']);
    const { config, warnings } = resolveConfig(i);
    expect(config.alertmanagers[0]?.tls).toEqual({ caFile: '/shared-ca', insecureSkipVerify: true });
    expect(config.alertmanagers[0]?.auth).toMatchObject({ kind: 'basic', username: 'shared' });
    // The default Alertmanager is plain http: nothing to verify, so no warning (issue #11, defect 9).
    expect(warnings.join('\n')).not.toContain('TLS certificate verification is off');
    const https = resolveConfig({ ...i, flags: { ...i.flags, alertmanagerUrls: ['https://am.example'] } });
    expect(https.warnings[0]).toMatch(/TLS certificate verification is off for alertmanager am.example/);

    const withUserinfo = resolveConfig(
      inputs({ flags: { alertmanagerUrls: ['https://bob:p%40ss@am.example'] } }),
    );
    expect(withUserinfo.config.alertmanagers[0]).toMatchObject({
      url: 'https://am.example',
      name: 'am.example',
      auth: { kind: 'basic', username: 'bob', password: { kind: 'inline', value: 'p@ss' } },
    });
  });

  it('warns when credentials would travel over plain http to another host', () => {
    const { warnings } = resolveConfig(
      inputs({ flags: { alertmanagerUrls: ['http://bob:pw@am.example:9093'] } }),
    );
    expect(warnings).toEqual([
      'alertmanager am.example:9093 is plain http: its credentials travel unencrypted',
    ]);
  });

  it('rejects bad flags and environment with a usage error naming them, without the password', () => {
    expect(bad(inputs({ flags: { timeout: '10' } }))).toMatchObject({
      message: '--timeout: "10" is not a positive duration',
      exitCode: 2,
    });
    expect(bad(inputs({ flags: { output: 'yaml' } }))).toBeInstanceOf(UsageError);
    expect(bad(inputs({ flags: { output: 'simple', json: true } }))).toMatchObject({
      message: '--json and --output simple disagree',
    });
    const envError = bad(
      inputs({ env: { alertmanagerUrls: 'ftp://bob:hunter2@x', prometheusUrl: undefined } }),
    ) as Error;
    expect(envError.message).toMatch(
      /^SITREP_ALERTMANAGER_URL: "ftp:\/\/x\/?" is not http:\/\/ or https:\/\/ \(ftp: is not supported\)$/,
    );
    expect(envError.message).not.toContain('hunter2');
  });

  it('says to repeat --alertmanager.url for a comma separated list given to it', () => {
    expect(bad(inputs({ flags: { alertmanagerUrls: ['http://am-1:9093,http://am-2:9093'] } }))).toMatchObject(
      {
        message:
          '--alertmanager.url: "http://am-1:9093,http://am-2:9093" is not a URL (expected e.g. http://localhost:9093)',
        hint: 'Give each URL its own --alertmanager.url; SITREP_ALERTMANAGER_URL takes them comma separated.',
        exitCode: 2,
      },
    );
  });

  it('says a URL written without a scheme misses http://, with the URL it would be', () => {
    expect(bad(inputs({ flags: { alertmanagerUrls: ['localhost:9093/am/'] } }))).toMatchObject({
      message:
        '--alertmanager.url: "localhost:9093/am/" is missing http:// or https:// (e.g. http://localhost:9093/am/)',
      exitCode: 2,
    });
    expect(
      bad(inputs({ env: { alertmanagerUrls: undefined, prometheusUrl: '127.0.0.1:9090' } })),
    ).toMatchObject({
      message:
        'SITREP_PROMETHEUS_URL: "127.0.0.1:9090" is missing http:// or https:// (e.g. http://127.0.0.1:9090)',
    });
  });
});
