import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { amAlert } from '../helpers/api-fixtures.js';
import { startFaultServer } from '../helpers/fault-server.js';
import { runCli, tempConfigHome } from '../helpers/run-cli.js';

function setup() {
  const home = tempConfigHome();
  const env = { XDG_CONFIG_HOME: home };
  const file = path.join(home, 'sitrep', 'config.yml');
  return { env, file, run: (...args: string[]) => runCli(['config', ...args], env) };
}

describe('sitrep config', () => {
  it('prints the path under XDG_CONFIG_HOME', async () => {
    const { run, file } = setup();
    expect(await run('path')).toEqual({ code: 0, stdout: `${file}\n`, stderr: '' });
  });

  it('sets, gets, lists and unsets keys, in a 0600 file', async () => {
    const { run, file } = setup();
    expect((await run('set', 'alertmanager.url', 'https://am.example')).code).toBe(0);
    await run('set', 'prometheus.url', 'https://mimir.example/prometheus');
    await run('set', 'prometheus.headers.X-Scope-OrgID', 'team-a');
    await run('set', 'timeout', '10s');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await run('get', 'prometheus.url')).toMatchObject({
      code: 0,
      stdout: 'https://mimir.example/prometheus\n',
    });
    expect((await run('get', 'prometheus')).stdout).toBe(
      'url: https://mimir.example/prometheus\nheaders:\n  X-Scope-OrgID: team-a\n',
    );
    expect((await run('list')).stdout).toBe(
      [
        'alertmanager.url=https://am.example',
        'prometheus.url=https://mimir.example/prometheus',
        'prometheus.headers.X-Scope-OrgID=team-a',
        'timeout=10s',
        '',
      ].join('\n'),
    );
    expect((await run('unset', 'prometheus.headers')).code).toBe(0);
    expect(await run('get', 'prometheus.headers.X-Scope-OrgID')).toMatchObject({ code: 1, stdout: '' });
    expect((await run('unset', 'prometheus.headers')).code).toBe(1);
  });

  it('the settings reach `sitrep alerts`', async () => {
    const { run, env } = setup();
    await run('set', 'alertmanager.url', 'http://127.0.0.1:1');
    await run('set', 'prometheus.url', '');
    await run('set', 'timeout', '200ms');
    const result = await runCli(['alerts', '--json'], env);
    expect(JSON.parse(result.stdout)).toMatchObject({ sources: [{ url: 'http://127.0.0.1:1', ok: false }] });
  });

  it('runbooks.dirs: `sitrep alerts` still loads the file and `sitrep runbook` finds runbooks there', async () => {
    const { env, file } = setup();
    const am = await startFaultServer({
      '/api/v2/alerts': { kind: 'json', body: [amAlert({ alertname: 'TeamQueueStuck', severity: 'page' })] },
    });
    try {
      const teamDir = path.join(path.dirname(file), 'team-runbooks');
      fs.mkdirSync(teamDir, { recursive: true });
      fs.writeFileSync(
        path.join(teamDir, 'TeamQueueStuck.md'),
        '# TeamQueueStuck\n\n## Diagnosis\n\n1. Ask the queue owners.\n',
      );
      // Written by hand, as a person would, with the folder relative to the config file.
      fs.writeFileSync(file, `alertmanager: ${am.url}\nprometheus: ""\nrunbooks:\n  dirs: [team-runbooks]\n`);
      const alerts = await runCli(['alerts', '--json'], env);
      expect(alerts.stderr).toBe('');
      expect(alerts.code).toBe(0);
      expect((JSON.parse(alerts.stdout) as { alerts: { name: string }[] }).alerts.map((a) => a.name)).toEqual(
        ['TeamQueueStuck'],
      );
      const runbook = await runCli(['runbook', 'TeamQueueStuck'], { ...env, HOME: path.dirname(file) });
      expect(runbook.code).toBe(0);
      expect(runbook.stdout).toContain(`source: ${path.join(teamDir, 'TeamQueueStuck.md')}`);
      expect(runbook.stdout).toContain('1. Ask the queue owners.');
    } finally {
      await am.close();
    }
  });

  it('sets runbooks.dirs as one folder, then as a list item by item', async () => {
    const { run } = setup();
    expect((await run('set', 'runbooks.dirs', '/srv/runbooks')).code).toBe(0);
    expect((await run('set', 'runbooks.dirs.1', '~/runbooks')).code).toBe(0);
    expect((await run('list')).stdout).toBe('runbooks.dirs.0=/srv/runbooks\nrunbooks.dirs.1=~/runbooks\n');
    const bad = await run('set', 'runbooks.folders', '/x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('runbooks.folders: unknown key (expected one of: dirs, allowed_hosts)');
  });

  it('never shows secrets in list, in the echo of set, or from get without --show-secrets', async () => {
    const { run, file } = setup();
    const outputs = [
      await run('set', 'prometheus.url', 'https://p.example'),
      await run('set', 'prometheus.authorization.credentials', 'tok-SECRET-1'),
      await run('set', 'alertmanager.0.url', 'https://am.example'),
      await run('set', 'alertmanager.0.basic_auth.username', 'bob'),
      await run('set', 'alertmanager.0.basic_auth.password', 'pw-SECRET-2'),
      await run('set', 'alertmanager.0.headers.X-Api-Key', 'key-SECRET-3'),
      await run('list'),
      await run('get', 'alertmanager'),
      await run('get', 'prometheus.authorization.credentials'),
      // A password inside a URL (issue #11, defect 7).
      await run('set', 'alertmanager.1.url', 'https://carol:pw-SECRET-4@am2.example'),
      await run('list'),
      await run('get', 'alertmanager.1.url'),
      await run('get', 'alertmanager'),
    ];
    for (const output of outputs) expect(output.stdout + output.stderr).not.toContain('SECRET');
    expect(outputs[6]?.stdout).toContain('prometheus.authorization.credentials=<redacted>');
    expect(outputs[6]?.stdout).toContain('alertmanager.0.basic_auth.username=bob');
    expect(outputs[1]?.stderr).toBe(
      `sitrep: set prometheus.authorization.credentials=<redacted> in ${file}\n`,
    );
    expect(outputs[9]?.stderr).toBe(
      `sitrep: set alertmanager.1.url=https://carol:<redacted>@am2.example in ${file}\n`,
    );
    expect(outputs[10]?.stdout).toContain('alertmanager.1.url=https://carol:<redacted>@am2.example\n');
    expect(outputs[11]?.stdout).toBe('https://carol:<redacted>@am2.example\n');
    expect((await run('get', '--show-secrets', 'alertmanager.1.url')).stdout).toBe(
      'https://carol:pw-SECRET-4@am2.example\n',
    );
    expect((await run('get', '--show-secrets', 'prometheus.authorization.credentials')).stdout).toBe(
      'tok-SECRET-1\n',
    );
    expect(fs.readFileSync(file, 'utf8')).toContain('tok-SECRET-1');
  });

  it('refuses a bad value with exit 2 and leaves the file alone', async () => {
    const { run, file } = setup();
    await run('set', 'timeout', '10s');
    const before = fs.readFileSync(file, 'utf8');
    const result = await run('set', 'output', 'fancy');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'sitrep: config: output: expected one of simple, extended, json, got "fancy" (nothing was changed)',
    );
    expect((await run('set', 'alertmanager.url', 'not a url')).code).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('reports a broken file with its line and never overwrites it', async () => {
    const { run, file } = setup();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      'timeout: 5s\nprometheus:\n  url: http://p\n  basic_auth: {username: u, password: pw-SECRET}\n  bogus: 1\n',
    );
    const before = fs.readFileSync(file, 'utf8');
    for (const args of [['list'], ['set', 'timeout', '1s'], ['unset', 'timeout'], ['get', 'timeout']]) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(`${file}:5: prometheus.bogus: unknown key`);
      expect(result.stderr).not.toContain('SECRET');
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('unsets the unknown key that makes the file invalid, keeping the rest (issue #11, defect 11)', async () => {
    const { run, file } = setup();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      '# my settings\ntimeout: 5s\nprometheus:\n  url: http://p # local\n  bogus: 1\nalertmanager:\n  - url: http://a\n    nope: x\n',
    );
    const first = await run('unset', 'prometheus.bogus');
    expect([first.code, first.stderr]).toEqual([0, '']);
    const second = await run('unset', 'alertmanager.0.nope');
    expect([second.code, second.stderr]).toEqual([0, '']);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      '# my settings\ntimeout: 5s\nprometheus:\n  url: http://p # local\nalertmanager:\n  - url: http://a\n',
    );
    expect((await run('list')).stdout).toBe(
      'timeout=5s\nprometheus.url=http://p\nalertmanager.0.url=http://a\n',
    );
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('rejects wrong usage with exit 2', async () => {
    const { run } = setup();
    expect((await run()).code).toBe(2);
    expect((await run('frob')).stderr).toContain('config: unknown action "frob"');
    expect((await run('set', 'timeout')).stderr).toContain('expected `config set KEY VALUE`');
    expect((await run('get', 'a..b')).code).toBe(2);
  });
});
