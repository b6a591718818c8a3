// `sitrep alerts` in-process against fault servers: what it prints, what it exits with, and what
// it sent.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertsJson } from '../../src/core/alerts/alert-json.js';
import { amAlert, haproxyLabels, promAlerts } from '../helpers/api-fixtures.js';
import { refusedUrl, startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { runCli, tempConfigHome } from '../helpers/run-cli.js';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

let am: FaultServer;
let prom: FaultServer;
let env: Record<string, string>;
beforeAll(async () => {
  am = await startFaultServer({
    '/api/v2/alerts': {
      kind: 'json',
      body: [
        amAlert(haproxyLabels('web1'), {
          startsAt: minutesAgo(30),
          annotations: { runbook: 'haproxy/HaproxyServerConnectionErrors.md', summary: 'web1 down' },
        }),
        amAlert(haproxyLabels('web2'), {
          startsAt: minutesAgo(5),
          annotations: { runbook: 'haproxy/HaproxyServerConnectionErrors.md' },
        }),
        amAlert({ alertname: 'DiskFull', severity: 'warning', instance: 'db1' }, { startsAt: minutesAgo(1) }),
        amAlert({ alertname: 'Muted', severity: 'critical' }, { state: 'suppressed', silencedBy: ['sil-1'] }),
        amAlert({ alertname: 'Inhibited', severity: 'info' }, { state: 'suppressed', inhibitedBy: ['fp'] }),
        amAlert(
          { alertname: 'Evil\u001b]0;owned\u0007', severity: 'info', note: 'a\u001b[31mred\u001b[0m' },
          { startsAt: minutesAgo(2) },
        ),
      ],
    },
  });
  prom = await startFaultServer({
    '/api/v1/alerts': {
      kind: 'json',
      body: promAlerts([
        {
          labels: { alertname: 'QueueGrowing', severity: 'warning' },
          state: 'pending',
          activeAt: minutesAgo(0.5),
        },
      ]),
    },
  });
  env = {
    XDG_CONFIG_HOME: tempConfigHome(),
    SITREP_ALERTMANAGER_URL: am.url,
    SITREP_PROMETHEUS_URL: prom.url,
  };
});
afterAll(async () => {
  await Promise.all([am.close(), prom.close()]);
});

describe('sitrep alerts', () => {
  it('prints a table sorted by severity then oldest first, without silenced or inhibited alerts', async () => {
    const result = await runCli(['alerts'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SEVERITY\s+ALERTNAME\s+LABELS\s+AGE\s+STATE\s+SOURCE$/);
    const rows = lines.slice(1).map((line) => line.split(/\s{2,}/));
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['critical', 'HaproxyServerConnectionErrors', 'server=web1', '30 min', 'active'],
      ['critical', 'HaproxyServerConnectionErrors', 'server=web2', '5 min', 'active'],
      ['warning', 'DiskFull', 'instance=db1', '1 min', 'active'],
      ['warning', 'QueueGrowing', '-', '30 s', 'pending'],
      ['info', 'Evil', 'note=ared', '2 min', 'active'],
    ]);
    expect(rows[0]?.[5]).toBe(am.url.replace('http://', ''));
    expect(result.stdout).not.toContain('\u001b');
  });

  it('prints the documented JSON with runbook links', async () => {
    const result = await runCli(['alerts', '--json'], env);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as AlertsJson;
    expect(doc.version).toBe(1);
    expect(doc.alerts.map((a) => a.name)).toEqual([
      'HaproxyServerConnectionErrors',
      'HaproxyServerConnectionErrors',
      'DiskFull',
      'QueueGrowing',
      'Evil\u001b]0;owned\u0007',
    ]);
    expect(doc.alerts[0]).toMatchObject({
      labels: haproxyLabels('web1'),
      runbookUrl: 'haproxy/HaproxyServerConnectionErrors.md',
      state: 'active',
      silencedBy: [],
      origins: [{ kind: 'alertmanager', source: am.url.replace('http://', '') }],
    });
    expect(doc.alerts[0]?.ageSeconds).toBeGreaterThanOrEqual(30 * 60);
    expect(doc.sources.map((s) => [s.kind, s.ok, s.alerts, s.error])).toEqual([
      ['alertmanager', true, 6, null],
      ['prometheus', true, 1, null],
    ]);
    expect(result.stdout).not.toContain('\u001b'); // escaped as \u001b inside the JSON strings
  });

  it('adds silenced and inhibited alerts on request', async () => {
    const silenced = JSON.parse(
      (await runCli(['alerts', '-o', 'json', '--silenced'], env)).stdout,
    ) as AlertsJson;
    expect(silenced.alerts.find((a) => a.name === 'Muted')).toMatchObject({
      state: 'silenced',
      silencedBy: ['sil-1'],
    });
    expect(silenced.alerts.find((a) => a.name === 'Inhibited')).toBeUndefined();
    const inhibited = JSON.parse(
      (await runCli(['alerts', '--json', '--inhibited'], env)).stdout,
    ) as AlertsJson;
    expect(inhibited.alerts.find((a) => a.name === 'Inhibited')?.state).toBe('inhibited');
  });

  it('filters with matchers, and passes them to Alertmanager', async () => {
    const result = await runCli(
      ['alerts', '--json', '--filter', 'severity="critical"', 'server=~"web1|web3"'],
      env,
    );
    expect((JSON.parse(result.stdout) as AlertsJson).alerts.map((a) => a.labels['server'])).toEqual(['web1']);
    expect(am.requestsTo('/api/v2/alerts').at(-1)?.query['filter']).toEqual([
      'severity="critical"',
      'server=~"web1|web3"',
    ]);
    const none = await runCli(['alerts', 'NoSuchAlert'], env);
    expect(none).toMatchObject({ code: 0, stdout: 'No alert matches `NoSuchAlert` (5 firing).\n' });
    const noneJson = await runCli(['alerts', '--json', 'NoSuchAlert'], env);
    expect(noneJson.code).toBe(0);
    expect((JSON.parse(noneJson.stdout) as AlertsJson).alerts).toEqual([]);
    expect(noneJson.stderr).toContain('sitrep: No alert matches `NoSuchAlert` (5 firing).\n');
  });

  it('reads space-separated matchers and bare words in one argument, with the screen’s parser', async () => {
    const result = await runCli(['alerts', '--json', 'severity=critical server=~"web.*"', 'WEB2'], env);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as AlertsJson).alerts.map((a) => a.labels['server'])).toEqual(['web2']);
    const bad = await runCli(['alerts', 'severity=critical server=~"web('], env);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('invalid matcher "server=~\\"web(": unterminated quoted value');
  });

  it('rejects bad usage with exit 2 and one clear line', async () => {
    const badMatcher = await runCli(['alerts', '--filter', 'severity~"x"'], env);
    expect(badMatcher.code).toBe(2);
    expect(badMatcher.stderr).toMatch(
      /^sitrep: alerts: invalid matcher "severity~\\"x\\"": expected =, !=, =~ or !~/,
    );
    expect((await runCli(['alerts', '--timeout', 'soon'], env)).stderr).toContain(
      '--timeout: "soon" is not a positive duration',
    );
    expect((await runCli(['alerts', '-o', 'yaml'], env)).code).toBe(2);
    expect((await runCli(['alerts', '--alertmanager.url', 'ftp://x'], env)).code).toBe(2);
    expect((await runCli(['alerts', '--nope'], env)).code).toBe(2);
  });

  it('still lists what the healthy sources returned when one fails, warns on stderr and exits 1', async () => {
    const down = await refusedUrl();
    const result = await runCli(['alerts', '--alertmanager.url', down, '--alertmanager.url', am.url], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('HaproxyServerConnectionErrors');
    expect(result.stderr).toBe(
      `sitrep: warning: alertmanager ${down.replace('http://', '')}: connection refused (${down}/api/v2/alerts)\n` +
        `  Is Alertmanager running at ${down}? Point sitrep elsewhere with --alertmanager.url or \`sitrep config set alertmanager.url <url>\`.\n`,
    );
  });

  it('exits 1 and says no alert is known when every source fails', async () => {
    const down = await refusedUrl();
    const result = await runCli(['alerts', '--prometheus.url', ''], {
      ...env,
      SITREP_ALERTMANAGER_URL: down,
    });
    expect(result).toMatchObject({ code: 1, stdout: 'No alerts known: no source answered.\n' });
    expect(result.stderr).toContain('connection refused');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('says some alerts may be missing when the sources that answered list none and another failed', async () => {
    const down = await refusedUrl();
    const empty = await startFaultServer({ '/api/v2/alerts': { kind: 'json', body: [] } });
    try {
      const result = await runCli(
        ['alerts', '--alertmanager.url', down, '--alertmanager.url', empty.url, '--prometheus.url='],
        env,
      );
      expect(result).toMatchObject({
        code: 1,
        stdout: 'No alerts from the sources that answered; 1 of 2 not answering, so some may be missing.\n',
      });
      const healthy = await runCli(['alerts', '--alertmanager.url', empty.url, '--prometheus.url='], env);
      expect(healthy).toMatchObject({ code: 0, stdout: 'No alerts.\n' });
    } finally {
      await empty.close();
    }
  });

  it('gives up on a hanging server after --timeout and says so', async () => {
    const hang = await startFaultServer({ '/api/v2/alerts': { kind: 'hang' } });
    try {
      const result = await runCli(['alerts', '--timeout', '300ms', '--prometheus.url='], {
        ...env,
        SITREP_ALERTMANAGER_URL: hang.url,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('no answer within 300 ms (timeout)');
    } finally {
      await hang.close();
    }
  });

  it('warns about skipped malformed alerts and lists the rest', async () => {
    const odd = await startFaultServer({
      '/api/v2/alerts': {
        kind: 'json',
        body: [amAlert({ alertname: 'Fine' }), { ...amAlert({ alertname: 'Odd' }), startsAt: 'yesterday' }],
      },
    });
    try {
      const result = await runCli(['alerts', '--prometheus.url='], {
        ...env,
        SITREP_ALERTMANAGER_URL: odd.url,
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Fine');
      expect(result.stderr).toBe(
        `sitrep: warning: alertmanager ${odd.url.replace('http://', '')}: skipped [1].startsAt: expected a time (ISO 8601), got "yesterday"\n`,
      );
    } finally {
      await odd.close();
    }
  });

  it('sends the token from --http.config.file and never prints it, even when refused', async () => {
    const secure = await startFaultServer({
      '/api/v2/alerts': { kind: 'text', status: 401, body: 'bad token' },
    });
    const home = tempConfigHome();
    const httpConfig = path.join(home, 'http.yml');
    fs.writeFileSync(
      httpConfig,
      'authorization:\n  credentials: s3cr3t-t0ken\ntls_config:\n  insecure_skip_verify: true\n',
    );
    try {
      const result = await runCli(
        ['alerts', '--http.config.file', 'http.yml', '--prometheus.url='],
        { ...env, SITREP_ALERTMANAGER_URL: secure.url },
        { cwd: home },
      );
      expect(secure.requestsTo('/api/v2/alerts')[0]?.headers['authorization']).toBe('Bearer s3cr3t-t0ken');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        'HTTP 401 not authorized: the server refused the credentials sent: bad token',
      );
      expect(result.stderr).toContain('it was sent and refused');
      // Plain http: there is no certificate, so no warning about not checking one.
      expect(result.stderr).not.toContain('TLS certificate verification is off');
      expect(result.stdout + result.stderr).not.toContain('s3cr3t');
    } finally {
      await secure.close();
    }
  });
});

describe('where sitrep alerts looks for servers', () => {
  it('takes flags over the environment over the config file over the defaults', async () => {
    const servers = await Promise.all(
      [0, 1, 2].map(() => startFaultServer({ '/api/v2/alerts': { kind: 'json', body: [] } })),
    );
    const [fromFile, fromEnv, fromFlag] = servers as [FaultServer, FaultServer, FaultServer];
    const home = tempConfigHome();
    fs.mkdirSync(path.join(home, 'sitrep'));
    fs.writeFileSync(
      path.join(home, 'sitrep', 'config.yml'),
      `alertmanager: ${fromFile.url}\nprometheus: ""\n`,
    );
    try {
      const base = { XDG_CONFIG_HOME: home };
      await runCli(['alerts'], base);
      await runCli(['alerts'], { ...base, SITREP_ALERTMANAGER_URL: fromEnv.url });
      await runCli(['alerts', '--alertmanager.url', fromFlag.url], {
        ...base,
        SITREP_ALERTMANAGER_URL: fromEnv.url,
      });
      expect(servers.map((s) => s.requests.length)).toEqual([1, 1, 1]);
      const defaults = await runCli(['alerts', '--json'], { XDG_CONFIG_HOME: tempConfigHome() });
      const sources = (JSON.parse(defaults.stdout) as AlertsJson).sources.map((s) => s.url);
      expect(sources).toEqual(['http://localhost:9093', 'http://localhost:9090']);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });

  it('refuses to run with a broken config file, naming its line', async () => {
    const home = tempConfigHome();
    fs.mkdirSync(path.join(home, 'sitrep'));
    fs.writeFileSync(path.join(home, 'sitrep', 'config.yml'), 'timeout: 5s\noutput: fancy\n');
    const result = await runCli(['alerts'], { XDG_CONFIG_HOME: home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${path.join(home, 'sitrep', 'config.yml')}:2: output: expected one of simple, extended, json, got "fancy"`,
    );
  });
});
