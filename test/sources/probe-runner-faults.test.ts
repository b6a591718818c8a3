// The probe runner against a real HTTP server that misbehaves per query: each failing probe shows
// its own error, in words, while the others of the step complete.
import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Probe, ProbeStep } from '../../src/core/probe/probe.js';
import { formatStepReport } from '../../src/core/probe/report.js';
import { prometheusProbeClient } from '../../src/sources/prometheus-probe-client.js';
import { runProbeStep } from '../../src/sources/probe-runner.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';

function probe(id: string, query: string): Probe {
  return {
    id,
    stepId: 'diagnosis-1',
    title: id,
    query,
    unrunnable: undefined,
    judgement: { kind: 'thresholds', warn: undefined, crit: { op: '>', value: 100 } },
    rangeSeconds: 1800,
    unit: 'req/s',
    narrowTo: undefined,
    role: 'runbook',
    note: undefined,
  };
}

const vector = (value: string) => ({
  status: 'success',
  data: { resultType: 'vector', result: [{ metric: { server: 'web1' }, value: [1_700_000_000, value] }] },
});
const matrix = {
  status: 'success',
  data: {
    resultType: 'matrix',
    result: [
      {
        metric: { server: 'web1' },
        values: [
          [1_700_000_000, '250'],
          [1_700_000_030, '+Inf'],
        ],
      },
    ],
  },
};

/** Answers /api/v1/query and /api/v1/query_range by the `query` parameter. */
function byQuery(request: http.IncomingMessage, response: http.ServerResponse, isRange: boolean) {
  const promql = new URL(request.url ?? '/', 'http://x').searchParams.get('query') ?? '';
  const json = (status: number, body: unknown) => {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (promql === 'slow') return; // never answers
  if (promql === 'bad(')
    return json(400, {
      status: 'error',
      errorType: 'bad_data',
      error: '1:5: parse error: unclosed left parenthesis',
    });
  if (promql === 'heavy')
    return json(422, {
      status: 'error',
      errorType: 'execution',
      error: 'query processing would load too many samples',
    });
  // Some Prometheus-compatible servers send the error envelope with 200.
  if (promql === 'ok-status-error')
    return json(200, {
      status: 'error',
      errorType: 'timeout',
      error: 'query timed out in expression evaluation',
    });
  if (promql === 'garbage') {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    return response.end('<html><body>Sign in to continue</body></html>');
  }
  return json(200, isRange ? matrix : vector(promql === 'nan' ? 'NaN' : '250'));
}

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function prometheus() {
  server = await startFaultServer({
    '/api/v1/query': { kind: 'handler', handle: (req, res) => byQuery(req, res, false) },
    '/api/v1/query_range': { kind: 'handler', handle: (req, res) => byQuery(req, res, true) },
  });
  return prometheusProbeClient({ kind: 'prometheus', name: 'fault', url: server.url, retries: 0 });
}

describe('probe runner against a misbehaving Prometheus', () => {
  it('gives each failing probe its own error while the others complete', async () => {
    const client = await prometheus();
    const step: ProbeStep = {
      id: 'diagnosis-1',
      title: 'step',
      probes: [
        probe('good', 'rate(x[1m])'),
        probe('times-out', 'slow'),
        probe('parse-error', 'bad('),
        probe('too-heavy', 'heavy'),
        probe('ok-status-error', 'ok-status-error'),
        probe('garbage', 'garbage'),
        probe('nan', 'nan'),
      ],
    };
    const started = Date.now();
    const run = await runProbeStep(step, { client, timeoutMs: 1_000 });
    const byId = new Map(run?.results.map((r) => [r.probe.id, r]));

    expect(byId.get('good')?.verdict).toBe('critical');
    expect(byId.get('good')?.series[0]?.value).toBe(250);
    expect(byId.get('good')?.series[0]?.points.map((p) => p.value)).toEqual([250, Infinity]);
    expect(byId.get('nan')?.series[0]?.value).toBeNaN();
    expect(byId.get('nan')?.verdict).toBe('no-data');

    expect(byId.get('times-out')?.verdict).toBe('error');
    expect(byId.get('times-out')?.error).toMatchObject({ kind: 'timeout', message: 'no answer within 1 s' });

    expect(byId.get('parse-error')?.error).toEqual({
      kind: 'prometheus',
      errorType: 'bad_data',
      message: '1:5: parse error: unclosed left parenthesis',
    });
    expect(byId.get('ok-status-error')?.error).toEqual({
      kind: 'prometheus',
      errorType: 'timeout',
      message: 'query timed out in expression evaluation',
    });
    expect(byId.get('too-heavy')?.error).toEqual({
      kind: 'prometheus',
      errorType: 'execution',
      message: 'query processing would load too many samples',
    });

    expect(byId.get('garbage')?.verdict).toBe('error');
    expect(byId.get('garbage')?.error?.kind).toBe('transport');
    expect(byId.get('garbage')?.error?.message).toContain(
      'the answer is an HTML page: "Sign in to continue", not JSON',
    );

    // The slow probe held up nothing but itself: the run took about one timeout.
    expect(Date.now() - started).toBeLessThan(5_000);
    const text = formatStepReport('Diagnosis 1', run?.results ?? []);
    expect(text).toContain('error: timeout: no answer within 1 s');
    expect(text).toContain('error: Prometheus bad_data: 1:5: parse error: unclosed left parenthesis');
    expect(text).toContain('250 req/s');
  });

  it('sends only GETs with the query, its time, and a range of about 60 points', async () => {
    const client = await prometheus();
    await runProbeStep(
      { id: 's', title: 's', probes: [probe('good', 'rate(x[1m])')] },
      { client },
      { at: 1_700_000_017 },
    );
    expect(server?.requests.every((r) => r.method === 'GET')).toBe(true);
    const instant = server?.requestsTo('/api/v1/query')[0];
    expect(instant?.query).toMatchObject({ query: ['rate(x[1m])'], time: ['1700000017'] });
    const range = server?.requestsTo('/api/v1/query_range')[0]?.query;
    expect(range).toMatchObject({ start: [String(1_700_000_010 - 1800)], end: ['1700000010'], step: ['30'] });
  });

  it('never has more than the limit of requests open at the server', async () => {
    let open = 0;
    let most = 0;
    server = await startFaultServer();
    const slowAnswer = (isRange: boolean) => ({
      kind: 'handler' as const,
      handle: (request: http.IncomingMessage, response: http.ServerResponse) => {
        open += 1;
        most = Math.max(most, open);
        response.on('close', () => (open -= 1));
        setTimeout(() => byQuery(request, response, isRange), 30);
      },
    });
    server.route('/api/v1/query', slowAnswer(false));
    server.route('/api/v1/query_range', slowAnswer(true));
    const client = prometheusProbeClient({ kind: 'prometheus', name: 'fault', url: server.url, retries: 0 });
    const probes = Array.from({ length: 20 }, (_, i) => probe(`p${i}`, `q${i}`));
    const run = await runProbeStep({ id: 's', title: 's', probes }, { client });
    expect(run?.results.every((r) => r.verdict === 'critical')).toBe(true);
    expect(server.requests).toHaveLength(40);
    expect(most).toBe(8);
  });

  it('aborts its open requests when the step run is cancelled', async () => {
    let open = 0;
    server = await startFaultServer();
    const hang = {
      kind: 'handler' as const,
      handle: (_request: http.IncomingMessage, response: http.ServerResponse) => {
        open += 1;
        response.on('close', () => (open -= 1));
      },
    };
    server.route('/api/v1/query', hang);
    server.route('/api/v1/query_range', hang);
    const client = prometheusProbeClient({ kind: 'prometheus', name: 'fault', url: server.url, retries: 0 });
    const controller = new AbortController();
    const probes = [probe('a', 'slow'), probe('b', 'slow')];
    const run = runProbeStep(
      { id: 's', title: 's', probes },
      { client, timeoutMs: 60_000 },
      { signal: controller.signal },
    );
    for (let i = 0; i < 400 && open < 4; i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(open).toBe(4);
    controller.abort();
    expect(await run).toBeUndefined();
    // The server sees every connection go: the requests were really aborted, not left to time out.
    for (let i = 0; i < 400 && open > 0; i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(open).toBe(0);
  });
});
