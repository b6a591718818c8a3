// The Alertmanager and Prometheus clients against the fault server: what they send, what they
// make of good answers, and the SourceError each wrong answer becomes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMatchers } from '../../src/core/alerts/matchers.js';
import {
  createSilence,
  expireSilence,
  getAlerts,
  getSilence,
  getStatus,
} from '../../src/sources/alertmanager.js';
import type { Endpoint } from '../../src/sources/http-client.js';
import {
  getBuildInfo,
  getPrometheusAlerts,
  getRules,
  query,
  queryRange,
} from '../../src/sources/prometheus.js';
import { amAlert, haproxyLabels, promAlerts } from '../helpers/api-fixtures.js';
import { sourceFailure } from '../helpers/source-failure.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';

let server: FaultServer;
let am: Endpoint;
let prom: Endpoint;
beforeAll(async () => {
  server = await startFaultServer();
  am = { kind: 'alertmanager', name: 'am', url: server.url, retryDelayMs: 5 };
  prom = { kind: 'prometheus', name: 'prom', url: `${server.url}/prometheus`, retryDelayMs: 5 };
});
afterAll(async () => {
  await server.close();
});

describe('Alertmanager client', () => {
  it('asks for alerts with state flags and server-side filter matchers', async () => {
    server.route('/api/v2/alerts', { kind: 'json', body: [amAlert(haproxyLabels('web1'))] });
    const { alerts } = await getAlerts(am, {
      active: true,
      silenced: false,
      filter: parseMatchers('{severity="critical",server=~"web.*"}'),
    });
    expect(alerts.map((a) => [a.name, a.origins])).toEqual([
      ['HaproxyServerConnectionErrors', [{ kind: 'alertmanager', source: 'am' }]],
    ]);
    expect(server.requestsTo('/api/v2/alerts').at(-1)?.query).toEqual({
      active: ['true'],
      silenced: ['false'],
      filter: ['severity="critical"', 'server=~"web.*"'],
    });
  });

  it('turns a wrong shape into a SourceError that says where', async () => {
    server.route('/api/v2/alerts', { kind: 'json', body: { data: [] } });
    const error = await sourceFailure(getAlerts(am));
    expect(error.kind).toBe('bad-shape');
    expect(error.message).toBe(
      `alertmanager am: unexpected answer: expected a list, got an object (${server.url}/api/v2/alerts)`,
    );
  });

  it('reads a silence and the status', async () => {
    server.route('/api/v2/silence/s1', {
      kind: 'json',
      body: {
        id: 's1',
        matchers: [{ name: 'server', value: 'web1', isRegex: false, isEqual: true }],
        startsAt: '2024-05-01T10:00:00Z',
        endsAt: '2024-05-01T11:00:00Z',
        updatedAt: '2024-05-01T10:00:00Z',
        createdBy: 'me',
        comment: 'maintenance',
        status: { state: 'active' },
      },
    });
    server.route('/api/v2/status', {
      kind: 'json',
      body: {
        cluster: { status: 'ready', peers: [{ name: 'p1', address: '10.0.0.1:9094' }] },
        uptime: '2024-05-01T10:00:00Z',
        versionInfo: { version: '0.25.0' },
      },
    });
    expect(await getSilence(am, 's1')).toMatchObject({
      id: 's1',
      matchers: [{ name: 'server', op: '=', value: 'web1' }],
      state: 'active',
    });
    expect(await getStatus(am)).toMatchObject({
      version: '0.25.0',
      clusterStatus: 'ready',
      peers: [{ name: 'p1' }],
    });
  });

  it('creates a silence with the API matcher form and expires it by id', async () => {
    server.route('/api/v2/silences', { kind: 'json', body: { silenceID: 'abc-123' } });
    server.route('/api/v2/silence/abc-123', { kind: 'text', body: '' });
    const id = await createSilence(am, {
      matchers: parseMatchers('{server="web1",team!~"db|ops"}'),
      startsAt: '2024-05-01T10:00:00.000Z',
      endsAt: '2024-05-01T11:00:00.000Z',
      createdBy: 'sitrep test',
      comment: 'testing',
    });
    expect(id).toBe('abc-123');
    const posted = server.requests.filter((r) => r.method === 'POST').at(-1);
    expect(JSON.parse(posted?.body ?? '')).toEqual({
      matchers: [
        { name: 'server', value: 'web1', isRegex: false, isEqual: true },
        { name: 'team', value: 'db|ops', isRegex: true, isEqual: false },
      ],
      startsAt: '2024-05-01T10:00:00.000Z',
      endsAt: '2024-05-01T11:00:00.000Z',
      createdBy: 'sitrep test',
      comment: 'testing',
    });
    await expireSilence(am, 'abc-123');
    expect(server.requestsTo('/api/v2/silence/abc-123').map((r) => r.method)).toEqual(['DELETE']);
  });
});

describe('Prometheus client', () => {
  it('reads alerts under a path prefix', async () => {
    server.route('/prometheus/api/v1/alerts', {
      kind: 'json',
      body: promAlerts([{ labels: haproxyLabels('web2'), state: 'pending' }]),
    });
    const { alerts } = await getPrometheusAlerts(prom);
    expect(alerts.map((a) => [a.fingerprint, a.state])).toEqual([['8213bfe1082205d6', 'pending']]);
  });

  it('runs instant and range queries and returns numbers, special values included', async () => {
    server.route('/prometheus/api/v1/query', {
      kind: 'json',
      body: {
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: { server: 'web1' }, value: [1714557600, 'NaN'] }] },
      },
    });
    server.route('/prometheus/api/v1/query_range', {
      kind: 'json',
      body: {
        status: 'success',
        warnings: ['results truncated'],
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: {},
              values: [
                [1714557600, '1'],
                [1714557660, '+Inf'],
              ],
            },
          ],
        },
      },
    });
    const instant = await query(prom, 'up{job="x"}', { time: new Date('2024-05-01T10:00:00Z') });
    expect(instant.resultType === 'vector' && instant.samples[0]?.value).toBeNaN();
    expect(server.requestsTo('/prometheus/api/v1/query').at(-1)?.query).toEqual({
      query: ['up{job="x"}'],
      time: ['1714557600'],
    });
    const range = await queryRange(prom, 'rate(x[1m])', {
      start: 1714557600,
      end: 1714557660,
      stepSeconds: 60,
    });
    expect(range).toEqual({
      resultType: 'matrix',
      warnings: ['results truncated'],
      series: [
        {
          metric: {},
          points: [
            { timestamp: 1714557600, value: 1 },
            { timestamp: 1714557660, value: Number.POSITIVE_INFINITY },
          ],
        },
      ],
    });
  });

  it('reports a Prometheus error answer with its errorType and error', async () => {
    server.route('/prometheus/api/v1/query', {
      kind: 'json',
      status: 200,
      body: { status: 'error', errorType: 'timeout', error: 'query timed out' },
    });
    const error = await sourceFailure(query(prom, 'up'));
    expect(error).toMatchObject({ kind: 'api', errorType: 'timeout', serverError: 'query timed out' });
    expect(error.message).toContain('the server reported timeout: query timed out');
    server.route('/prometheus/api/v1/query', {
      kind: 'json',
      status: 422,
      body: { status: 'error', errorType: 'execution', error: 'many-to-many\u001b[2J' },
    });
    const http = await sourceFailure(query(prom, 'up'));
    expect(http).toMatchObject({
      kind: 'http',
      status: 422,
      errorType: 'execution',
      serverError: 'many-to-many',
    });
    expect(http.message).toContain('HTTP 422 Unprocessable Entity: execution: many-to-many');
    server.route('/prometheus/api/v1/query', { kind: 'text', status: 502, body: 'execution: bad gateway' });
    expect(await sourceFailure(query(prom, 'up'))).toMatchObject({
      errorType: undefined,
      serverError: undefined,
    });
  });

  it('reads rules and build info', async () => {
    server.route('/prometheus/api/v1/rules', {
      kind: 'json',
      body: {
        status: 'success',
        data: {
          groups: [
            { name: 'g', file: 'f', rules: [{ type: 'alerting', name: 'A', query: 'up', health: 'ok' }] },
          ],
        },
      },
    });
    server.route('/prometheus/api/v1/status/buildinfo', {
      kind: 'json',
      body: { status: 'success', data: { version: '2.42.0' } },
    });
    expect((await getRules(prom, { type: 'alert' })).groups[0]?.rules[0]?.name).toBe('A');
    expect(server.requestsTo('/prometheus/api/v1/rules').at(-1)?.query).toEqual({ type: ['alert'] });
    expect((await getBuildInfo(prom)).version).toBe('2.42.0');
  });
});
