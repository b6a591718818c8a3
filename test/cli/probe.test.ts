// `sitrep probe` in-process: against fault servers (what it prints and exits with when a probe
// fails, bad usage), and against the shared stack where HaproxyServerConnectionErrors fires.
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amAlert, haproxyLabels } from '../helpers/api-fixtures.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { runCli, tempConfigHome } from '../helpers/run-cli.js';
import { repoRoot, sharedStackUrls } from '../helpers/stack.js';

interface ProbeJson {
  alert: { name: string; labels: Record<string, string>; from: string };
  rule: { expr: string; origin: string } | null;
  steps: {
    id: string;
    probes: {
      query: string;
      verdict: string;
      error: { kind: string; errorType: string | null; message: string } | null;
      series: { labels: Record<string, string>; value: string | null; points: [number, string][] }[];
    }[];
  }[];
  ok: boolean;
}

const rules = (expr: string) => ({
  status: 'success',
  data: {
    groups: [
      {
        name: 'g',
        file: 'rules.yml',
        rules: [
          {
            type: 'alerting',
            name: 'HaproxyServerConnectionErrors',
            query: expr,
            labels: { severity: 'critical' },
            annotations: {},
            health: 'ok',
            state: 'firing',
            duration: 0,
          },
        ],
      },
    ],
  },
});

function answerQuery(request: http.IncomingMessage, response: http.ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://x');
  const promql = url.searchParams.get('query') ?? '';
  const json = (status: number, body: unknown) => {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (promql.startsWith('broken'))
    return json(422, { status: 'error', errorType: 'execution', error: 'many-to-many matching not allowed' });
  const result = [
    {
      metric: { server: 'web1' },
      ...(url.pathname.endsWith('range') ? { values: [[1, '250']] } : { value: [1, '250'] }),
    },
    {
      metric: { server: 'web2' },
      ...(url.pathname.endsWith('range') ? { values: [[1, '7']] } : { value: [1, '7'] }),
    },
  ];
  return json(200, {
    status: 'success',
    data: { resultType: url.pathname.endsWith('range') ? 'matrix' : 'vector', result },
  });
}

let am: FaultServer;
let prom: FaultServer;
let env: Record<string, string>;
beforeAll(async () => {
  am = await startFaultServer({
    '/api/v2/alerts': {
      kind: 'json',
      body: [amAlert(haproxyLabels('web1')), amAlert(haproxyLabels('web2'))],
    },
  });
  prom = await startFaultServer({
    '/api/v1/alerts': { kind: 'json', body: { status: 'success', data: { alerts: [] } } },
    '/api/v1/query': { kind: 'handler', handle: answerQuery },
    '/api/v1/query_range': { kind: 'handler', handle: answerQuery },
  });
  env = {
    XDG_CONFIG_HOME: tempConfigHome(),
    SITREP_ALERTMANAGER_URL: am.url,
    SITREP_PROMETHEUS_URL: prom.url,
  };
});
afterAll(async () => {
  await am.close();
  await prom.close();
});

describe('sitrep probe against a hung Prometheus (issue #11, defect 8)', () => {
  it('asks the rules and every probe concurrently and names the source in each timeout', async () => {
    let open = 0;
    let mostOpen = 0;
    const hung = await startFaultServer({});
    for (const route of ['/api/v1/alerts', '/api/v1/rules', '/api/v1/query', '/api/v1/query_range']) {
      hung.route(route, {
        kind: 'handler',
        handle: (_request, response) => {
          open += 1;
          mostOpen = Math.max(mostOpen, open);
          response.on('close', () => (open -= 1));
        },
      });
    }
    try {
      const args = ['probe', 'HaproxyServerConnectionErrors', '-l', 'server=web1', '--timeout', '1s'];
      const { code, stdout, stderr } = await runCli(args, { ...env, SITREP_PROMETHEUS_URL: hung.url });
      const source = `prometheus ${hung.url.replace('http://', '')}`;
      expect(code).toBe(1);
      expect(stderr).toContain(`could not read alerting rules: ${source}: no answer within 1 s (timeout)`);
      expect(stdout).toContain(`timeout: ${source}: no answer within 1`);
      // A step with exporter variants first asks which metrics exist (one query per step, all at
      // once); then every probe query of every step waits together.
      const asked = (r: (typeof hung.requests)[number]) =>
        `${(r.query['query'] ?? []).join('')}${decodeURIComponent(r.body.replace(/\+/g, ' '))}`;
      const probeQueries = hung.requests.filter(
        (r) => r.path.startsWith('/api/v1/query') && !asked(r).includes('__name__'),
      ).length;
      expect(probeQueries).toBeGreaterThan(4);
      // Sequential steps kept at most one probe's two queries open at once.
      expect(mostOpen).toBeGreaterThanOrEqual(probeQueries);
    } finally {
      await hung.close();
    }
  });
});

describe('sitrep probe --runbooks.dir (issue #11, defect 11)', () => {
  it('finds the runbook in the folder given', async () => {
    prom.route('/api/v1/rules', { kind: 'json', body: { status: 'success', data: { groups: [] } } });
    const dir = path.join(repoRoot, 'test', 'fixtures', 'runbooks');
    const args = ['probe', 'KafkaConsumerLagHigh', '-l', 'job=kafka-exporter', '--runbooks.dir', dir];
    const { stdout } = await runCli(args, env);
    expect(stdout).toContain(`runbook: ${path.join(dir, 'KafkaConsumerLagHigh.md')}`);
  });
});

describe('sitrep probe (fault servers)', () => {
  it('takes the labels from the firing alert that --label picks and judges its value alone', async () => {
    prom.route('/api/v1/rules', { kind: 'json', body: rules('sum by (server) (rate(x[1m])) > 100') });
    const args = ['probe', 'HaproxyServerConnectionErrors', '--label', 'server=web2', '--step', '0'];
    const { code, stdout, stderr } = await runCli(args, env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      `HaproxyServerConnectionErrors {server="web2", severity="critical"} — runbook: ${path.join(repoRoot, 'runbooks', 'haproxy', 'HaproxyServerConnectionErrors.md')}\n`,
    );
    expect(stdout).toContain('Alert value (crit > 100) — ok');
    expect(stdout).toMatch(/\{server="web2"\}\s+7\s+ok/);
    expect(stdout).not.toContain('web1');
    expect(prom.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it("runs the bundled runbook's diagnosis probes with the alert's labels filled in", async () => {
    prom.route('/api/v1/rules', { kind: 'json', body: rules('sum by (server) (rate(x[1m])) > 100') });
    const before = prom.requests.length;
    const args = ['probe', 'HaproxyServerConnectionErrors', '-l', 'server=web2', '--json'];
    const { code, stdout } = await runCli(args, env);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as ProbeJson & {
      runbook: { source: { kind: string; path: string } };
    };
    expect(document.runbook.source.path).toMatch(/runbooks\/haproxy\/HaproxyServerConnectionErrors\.md$/);
    expect(document.steps.map((step) => step.id).slice(0, 3)).toEqual([
      'alert-expression',
      'diagnosis-1',
      'diagnosis-2',
    ]);
    const sent = prom.requests.slice(before).map((r) => r.query['query']?.[0] ?? '');
    expect(sent).toContain(
      'sum by (proxy, server) (rate(haproxy_server_connection_errors_total{server="web2"}[1m]))',
    );
    expect(sent.some((query) => query.includes('{{'))).toBe(false);
  });

  it('exits 1 and shows the PromQL error when a probe fails to run', async () => {
    prom.route('/api/v1/rules', { kind: 'json', body: rules('broken > 1') });
    const text = await runCli(['probe', 'HaproxyServerConnectionErrors', '-l', 'server=web1'], env);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('error: Prometheus execution: many-to-many matching not allowed');
    const json = await runCli(['probe', 'HaproxyServerConnectionErrors', '-l', 'server=web1', '--json'], env);
    expect(json.code).toBe(1);
    const document = JSON.parse(json.stdout) as ProbeJson;
    expect(document.ok).toBe(false);
    expect(document.steps[0]?.probes[0]?.error).toEqual({
      kind: 'prometheus',
      errorType: 'execution',
      message: 'many-to-many matching not allowed',
    });
  });

  it('says which alert it chose when several fire', async () => {
    prom.route('/api/v1/rules', { kind: 'json', body: rules('sum by (server) (rate(x[1m])) > 100') });
    const { code, stderr, stdout } = await runCli(['probe', 'HaproxyServerConnectionErrors'], env);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /2 HaproxyServerConnectionErrors alerts fire; probing server="web\d" \(choose another with --label\)/,
    );
    expect(stdout).toContain('— critical');
  });

  it.each([
    [['probe'], 'which alert?'],
    [['probe', 'A', 'B'], 'unexpected argument'],
    [['probe', 'A', '--label', 'novalue'], 'probe: --label "novalue" is not NAME=VALUE'],
    [['probe', 'A', '--step', 'two'], 'is not a step number'],
    [['probe', 'A', '--bogus'], 'unknown option'],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const { code, stderr } = await runCli(args, env);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('exits 2 with a hint when the chosen step has nothing to probe', async () => {
    prom.route('/api/v1/rules', { kind: 'json', body: { status: 'success', data: { groups: [] } } });
    const noRule = await runCli(['probe', 'NoSuchAlert', '--step', '0'], env);
    expect(noRule.code).toBe(2);
    expect(noRule.stderr).toContain('NoSuchAlert has no alert expression');
    const noStep = await runCli(['probe', 'HaproxyServerConnectionErrors', '--step', '99'], env);
    expect(noStep.code).toBe(2);
    expect(noStep.stderr).toContain('no diagnosis step 99 with probes');
  });
});

describe.skipIf(process.env.SITREP_TEST_NO_STACK === '1')('sitrep probe (shared stack)', () => {
  it('reports the firing value over 100 as critical for the chosen server', async () => {
    const stackEnv = {
      XDG_CONFIG_HOME: tempConfigHome(),
      SITREP_ALERTMANAGER_URL: sharedStackUrls.alertmanager,
      SITREP_PROMETHEUS_URL: sharedStackUrls.prometheus,
    };
    const { code, stdout } = await runCli(
      ['probe', 'HaproxyServerConnectionErrors', '--label', 'server=web2', '--json'],
      stackEnv,
    );
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as ProbeJson;
    expect(document.alert).toMatchObject({ from: 'alert', labels: { server: 'web2', severity: 'critical' } });
    expect(document.rule).toEqual({
      expr: 'sum by (server) (rate(haproxy_server_connection_errors_total[1m])) > 100',
      origin: 'prometheus',
    });
    const alertProbe = document.steps.find((step) => step.id === 'alert-expression')?.probes[0];
    expect(alertProbe?.verdict).toBe('critical');
    expect(alertProbe?.series.map((s) => s.labels)).toEqual([{ server: 'web2' }]);
    expect(Number(alertProbe?.series[0]?.value)).toBeGreaterThan(100);
  });
});
