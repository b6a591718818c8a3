// `sitrep doctor` against fault servers standing in for Alertmanager and Prometheus: what it says
// is fine, what it says to fix, and its exit code.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { runCli, tempConfigHome } from '../helpers/run-cli.js';

const status = {
  cluster: { status: 'disabled', peers: [] },
  versionInfo: { version: '0.25.0', revision: 'x' },
  config: { original: 'route: {}' },
  uptime: '2026-11-29T05:00:00.000Z',
};
const rule = (name: string, annotations: Record<string, string> = {}) => ({
  type: 'alerting',
  name,
  query: 'up == 0',
  duration: 60,
  labels: { severity: 'critical' },
  annotations,
  health: 'ok',
  state: 'inactive',
});

let am: FaultServer;
let prom: FaultServer;
beforeAll(async () => {
  am = await startFaultServer({ '/api/v2/status': { kind: 'json', body: status } });
  prom = await startFaultServer({
    '/api/v1/status/buildinfo': {
      kind: 'json',
      body: { status: 'success', data: { version: '2.42.0', revision: 'r', goVersion: 'go1.20' } },
    },
    '/api/v1/rules': {
      kind: 'json',
      body: {
        status: 'success',
        data: {
          groups: [
            {
              name: 'g',
              file: 'rules.yml',
              rules: [
                rule('HaproxyServerConnectionErrors'),
                rule('WikiDocumented', { runbook_url: 'https://wiki.example/WikiDocumented' }),
                rule('NoBookAlert\u001b[31m'),
              ],
            },
          ],
        },
      },
    },
  });
});
afterAll(async () => {
  await Promise.all([am.close(), prom.close()]);
});

const env = () => ({
  XDG_CONFIG_HOME: tempConfigHome(),
  XDG_DATA_HOME: tempConfigHome(),
  HOME: tempConfigHome(),
});
const flags = () => ['--alertmanager.url', am.url, '--prometheus.url', prom.url];

describe('sitrep doctor', () => {
  it('reports each source with its version, the rules without a runbook, and the journal folder', async () => {
    const result = await runCli(['doctor', ...flags()], env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain(`ok    alertmanager ${am.url}: Alertmanager 0.25.0`);
    expect(lines).toContain(`ok    prometheus ${prom.url}: Prometheus API 2.42.0`);
    expect(result.stdout).toMatch(
      /note {2}runbooks: 3 alert rules in Prometheus; 1 with a runbook in the folders, 1 by runbook_url; 1 only get the generic runbook: NoBookAlert/,
    );
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toMatch(/ok {4}journal folder .* will be made on the first incident/);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Nothing wrong.');
  });

  it('says what to fix when a configured source refuses the credentials, and exits 1', async () => {
    const refusing = await startFaultServer({ '/api/v2/status': { kind: 'json', status: 401, body: {} } });
    try {
      const result = await runCli(['doctor', '--alertmanager.url', refusing.url, '--prometheus.url='], env());
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/FAIL {2}alertmanager .*HTTP 401/);
      expect(result.stdout).toMatch(/→ /);
      expect(result.stdout).toContain('no Alertmanager answered');
      expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('2 problems to fix.');
    } finally {
      await refusing.close();
    }
  });

  it("names an Alertmanager's cluster, and notes peers sitrep is not given", async () => {
    const peers = [1, 2, 3].map((i) => ({ name: `peer${i}`, address: `127.0.0.1:1409${i}` }));
    const clustered = await startFaultServer({
      '/api/v2/status': { kind: 'json', body: { ...status, cluster: { status: 'ready', peers } } },
    });
    try {
      const result = await runCli(
        ['doctor', '--alertmanager.url', clustered.url, '--prometheus.url='],
        env(),
      );
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\n');
      expect(lines).toContain(
        `ok    alertmanager ${clustered.url}: Alertmanager 0.25.0; cluster ready, 3 peers`,
      );
      expect(lines).toContain('note  the Alertmanager cluster has 3 peers; sitrep is given 1 of them');
      expect(result.stdout).toContain('→ Give every peer (repeat --alertmanager.url');
      // Given as often as it has peers, nothing is noted.
      const all = ['--alertmanager.url', clustered.url, '--alertmanager.url', `${clustered.url}/`];
      const given = await runCli(
        ['doctor', ...all, '--alertmanager.url', am.url, '--prometheus.url='],
        env(),
      );
      expect(given.stdout).not.toContain('sitrep is given');
    } finally {
      await clustered.close();
    }
  });

  it('names a broken config file and exits 1', async () => {
    const home = tempConfigHome();
    fs.mkdirSync(path.join(home, 'sitrep'));
    fs.writeFileSync(path.join(home, 'sitrep', 'config.yml'), 'output: fancy\n');
    const result = await runCli(['doctor'], { XDG_CONFIG_HOME: home });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL {2}.*config\.yml:1: output: expected one of simple, extended, json/);
  });

  it('finds a journal folder that cannot be written', async () => {
    const file = path.join(tempConfigHome(), 'not-a-folder');
    fs.writeFileSync(file, '');
    const result = await runCli(['doctor', ...flags()], { ...env(), XDG_DATA_HOME: file });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL {2}journal folder .* is not writable \(ENOTDIR/);
  });
});
