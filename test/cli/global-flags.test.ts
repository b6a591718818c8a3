// amtool habits on sitrep's command line: global flags anywhere, `alert query`, `-o wide`, a filter
// that hides everything saying so, and a default source nobody configured being only a note.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertsJson } from '../../src/core/alerts/alert-json.js';
import { amAlert, haproxyLabels } from '../helpers/api-fixtures.js';
import { refusedUrl, startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { runCli, tempConfigHome } from '../helpers/run-cli.js';

let am: FaultServer;
beforeAll(async () => {
  am = await startFaultServer({
    '/api/v2/alerts': {
      kind: 'handler',
      // Answers as Alertmanager does: the `filter` matchers narrow the list (only alertname= here).
      handle: (request, response) => {
        const url = new URL(request.url ?? '/', 'http://x');
        const names = url.searchParams.getAll('filter').map((f) => /^alertname="(.*)"$/.exec(f)?.[1]);
        const all = [
          amAlert(haproxyLabels('web1'), { annotations: { summary: 'web1 refuses connections' } }),
          amAlert(haproxyLabels('web2')),
          amAlert({ alertname: 'DiskFull', severity: 'warning', instance: 'db1' }),
        ];
        const body = all.filter((a) => names.every((n) => n === undefined || a.labels.alertname === n));
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      },
    },
  });
});
afterAll(() => am.close());

const env = () => ({ XDG_CONFIG_HOME: tempConfigHome() });
const names = (stdout: string) =>
  (JSON.parse(stdout) as AlertsJson).alerts.map((a) => a.labels['server'] ?? a.name);

describe('global flags', () => {
  it('are taken before the command as well as after it', async () => {
    const before = await runCli(
      [`--alertmanager.url=${am.url}`, '--prometheus.url=', 'alerts', '--json'],
      env(),
    );
    const after = await runCli(
      ['alerts', '--json', '--alertmanager.url', am.url, '--prometheus.url='],
      env(),
    );
    const mixed = await runCli(
      ['--json', 'alerts', '--prometheus.url', '', '--alertmanager.url', am.url],
      env(),
    );
    for (const result of [before, after, mixed]) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(names(result.stdout)).toEqual(['web1', 'web2', 'DiskFull']);
    }
  });

  it('collect --alertmanager.url from before and after the command', async () => {
    const down = await refusedUrl();
    const result = await runCli(
      ['--alertmanager.url', down, 'alerts', '--json', '--alertmanager.url', am.url, '--prometheus.url='],
      env(),
    );
    expect(result.code).toBe(1);
    const sources = (JSON.parse(result.stdout) as AlertsJson).sources.map((s) => [s.url, s.ok]);
    expect(sources).toEqual([
      [down, false],
      [am.url, true],
    ]);
  });

  it('are accepted by every command, also those that do not use them', async () => {
    const flags = ['--alertmanager.url', am.url, '--timeout', '3s'];
    const runbook = await runCli(
      [...flags, 'runbook', 'HaproxyServerConnectionErrors', '--prometheus.url='],
      env(),
    );
    expect(runbook.stderr).toBe('');
    expect(runbook.code).toBe(0);
    expect(runbook.stdout).toContain('HaproxyServerConnectionErrors');
    const incidents = await runCli(['incidents', ...flags], { ...env(), XDG_DATA_HOME: tempConfigHome() });
    expect(incidents).toMatchObject({ code: 0, stdout: 'No open incidents.\n' });
    const json = await runCli(['-o', 'json', 'incidents'], { ...env(), XDG_DATA_HOME: tempConfigHome() });
    expect(JSON.parse(json.stdout)).toEqual({ incidents: [], warnings: [] });
  });

  it('take --config.file, before or after the command', async () => {
    const home = tempConfigHome();
    const file = `${home}/other.yml`;
    await import('node:fs').then((fs) => fs.writeFileSync(file, `alertmanager: ${am.url}\nprometheus: ""\n`));
    for (const args of [
      ['--config.file', file, 'alerts', '-o', 'json'],
      ['alerts', `--config.file=${file}`, '--json'],
    ]) {
      const result = await runCli(args, env());
      expect(result.code).toBe(0);
      expect(names(result.stdout)).toEqual(['web1', 'web2', 'DiskFull']);
    }
    const path = await runCli(['config', 'path', '--config.file', file], env());
    expect(path.stdout).toBe(`${file}\n`);
    const set = await runCli(['--config.file', file, 'config', 'set', 'timeout', '7s'], env());
    expect(set.code).toBe(0);
    const fs = await import('node:fs');
    expect(fs.readFileSync(file, 'utf8')).toContain('timeout: 7s');
    expect(fs.existsSync(`${home}/config.yml`)).toBe(false);
  });

  it('leave a command its own flag of the same name (export -o FILE)', async () => {
    const result = await runCli(['export', '-o', '/nonexistent/x.md'], {
      ...env(),
      XDG_DATA_HOME: tempConfigHome(),
    });
    expect(result.stderr).not.toContain('--output');
    expect(result.stderr).toContain('no incident');
  });

  it('still reject unknown flags and bad values, naming them', async () => {
    const unknown = await runCli(['alerts', '--alertmanager.uri', am.url], env());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--alertmanager.uri'");
    const bad = await runCli(['--timeout', 'soon', 'alerts'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--timeout: "soon" is not a positive duration');
  });
});

describe('amtool spellings', () => {
  const flags = () => ['--alertmanager.url', am.url, '--prometheus.url='];

  it('points amtool commands sitrep does not have to where it does that job', async () => {
    const result = await runCli(['silence', 'add', 'alertname=X'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "silence"');
    expect(result.stderr).toContain('incident screen (key S)');
  });

  it('takes global flags after the screen flag --alert too', async () => {
    const result = await runCli(['--alert', 'DiskFull', '--timeout', 'soon'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--timeout: "soon" is not a positive duration');
  });

  it('`alert query [matchers]` is `alerts`', async () => {
    const result = await runCli(['alert', 'query', 'server="web2"', ...flags(), '-o', 'json'], env());
    expect(result.code).toBe(0);
    expect(names(result.stdout)).toEqual(['web2']);
    const bare = await runCli(['alert', ...flags(), '--json'], env());
    expect(names(bare.stdout)).toEqual(['web1', 'web2', 'DiskFull']);
  });

  it('-o wide is the extended table', async () => {
    const result = await runCli(['alerts', ...flags(), '-o', 'wide'], env());
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toContain('SUMMARY');
  });

  it('says what a filter hid, and hints when a word looks like a subcommand', async () => {
    const result = await runCli(
      ['alerts', 'query', 'alertname=HaproxyServerConnectionErrors', ...flags()],
      env(),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'No alert matches `query alertname=HaproxyServerConnectionErrors` (3 firing).\n',
    );
    expect(result.stderr).toContain('"query" was read as a filter word');
    expect(result.stderr).toContain('sitrep alert query');
  });

  it('reads a bare word as the screen does: found in the name, a label value or the summary', async () => {
    const result = await runCli(['alerts', 'REFUSES', ...flags(), '--json'], env());
    expect(names(result.stdout)).toEqual(['web1']);
    const two = await runCli(['alerts', 'haproxy', 'web2', ...flags(), '--json'], env());
    expect(names(two.stdout)).toEqual(['web2']);
  });
});

async function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, 'localhost');
    socket.once('connect', () => resolve(socket.destroy() === socket));
    socket.once('error', () => resolve(false));
  });
}

const defaultPrometheusAnswers = await portAnswers(9090);

describe('sources nobody configured', () => {
  it.skipIf(defaultPrometheusAnswers)(
    'a default Prometheus that is not there is a note, not a failure',
    async () => {
      const result = await runCli(['alerts', '--alertmanager.url', am.url], env());
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('DiskFull');
      expect(result.stderr).toMatch(
        /^sitrep: note: .*connection refused.*the built-in default, not configured/,
      );
      expect(result.stderr).not.toContain('warning');
    },
  );

  it('a configured source that fails is still exit 1', async () => {
    const down = await refusedUrl();
    const result = await runCli(['alerts', '--alertmanager.url', am.url, '--prometheus.url', down], env());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sitrep: warning: prometheus');
  });
});

describe('sitrep <command> --help', () => {
  it('mentions the global flags for every command', async () => {
    for (const command of ['alerts', 'runbook', 'note', 'export', 'doctor', 'completion']) {
      const result = await runCli([command, '--help'], {});
      expect(result.stdout, command).toMatch(/Global flags \(/);
    }
  });
});

describe('sitrep --help', () => {
  it('lists the global flags, --alert, the config file and the environment variables', async () => {
    const result = await runCli(['--help'], {});
    for (const text of [
      '--alertmanager.url',
      '--prometheus.url',
      '--config.file',
      '--timeout',
      '--http.config.file',
      '-o, --output',
      '--alert NAME',
      'config.yml',
      'SITREP_ALERTMANAGER_URL',
      'SITREP_PROMETHEUS_URL',
      'alert query',
      'a bare word must appear',
    ])
      expect(result.stdout).toContain(text);
  });
});
