// `sitrep alerts` sends its request before it loads what reads the answer, and without a config
// file it resolves the sources without the YAML reader (src/cli/source-resolve.ts). That quick
// way must give what the full way gives: the same stdout, stderr and exit code, and the same
// request. Each case runs twice, once without a config file (the quick way) and once with a
// config file that sets nothing (the reader is loaded and reads it), and the runs must agree.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amAlert, haproxyLabels, promAlerts } from '../helpers/api-fixtures.js';
import { refusedUrl, startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { runCli, tempConfigHome, type CliResult } from '../helpers/run-cli.js';

let am: FaultServer;
let prom: FaultServer;
beforeAll(async () => {
  am = await startFaultServer({
    '/api/v2/alerts': {
      kind: 'json',
      body: [
        amAlert(haproxyLabels('web1'), { annotations: { summary: 'web1 down' } }),
        amAlert({ alertname: 'Muted', severity: 'critical' }, { state: 'suppressed', silencedBy: ['s1'] }),
      ],
    },
    '/bad/api/v2/alerts': { kind: 'text', body: '[{"labels": ', contentType: 'application/json' },
  });
  prom = await startFaultServer({
    '/api/v1/alerts': {
      kind: 'json',
      body: promAlerts([{ labels: { alertname: 'QueueGrowing', severity: 'warning' }, state: 'pending' }]),
    },
  });
});
afterAll(async () => {
  await Promise.all([am.close(), prom.close()]);
});

// A config home without a config file, and one whose config file exists and sets nothing.
function homes(): { quick: string; full: string } {
  const full = tempConfigHome();
  fs.mkdirSync(path.join(full, 'sitrep'));
  fs.writeFileSync(path.join(full, 'sitrep', 'config.yml'), '# nothing set here\n');
  return { quick: tempConfigHome(), full };
}

// The times in the JSON move between two runs.
const steady = (text: string) =>
  text.replace(/"generatedAt":"[^"]*"/g, '"generatedAt":""').replace(/"ageSeconds":\d+/g, '"ageSeconds":0');

/** Runs the command both ways; checks they agree; returns the quick way's result. */
async function bothWays(
  args: readonly string[],
  env: Record<string, string>,
  cwd?: string,
): Promise<CliResult> {
  const { quick, full } = homes();
  const options = cwd === undefined ? {} : { cwd };
  const fast = await runCli(args, { ...env, XDG_CONFIG_HOME: quick }, options);
  const slow = await runCli(args, { ...env, XDG_CONFIG_HOME: full }, options);
  expect({ ...fast, stdout: steady(fast.stdout) }).toEqual({ ...slow, stdout: steady(slow.stdout) });
  return fast;
}

describe('sitrep alerts, request sent first and no config file', () => {
  it('lists the same alerts', async () => {
    const result = await bothWays(['alerts', '--json', '--silenced'], {
      SITREP_ALERTMANAGER_URL: am.url,
      SITREP_PROMETHEUS_URL: prom.url,
    });
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { alerts: { name: string }[] };
    expect(doc.alerts.map((a) => a.name)).toEqual(['HaproxyServerConnectionErrors', 'Muted', 'QueueGrowing']);
    const table = await bothWays(['alerts', 'web1'], {
      SITREP_ALERTMANAGER_URL: am.url,
      SITREP_PROMETHEUS_URL: '',
    });
    expect(table.stdout).toContain('server=web1');
  });

  it('says the same about a wrong URL', async () => {
    const result = await bothWays(['alerts', '--json', '--alertmanager.url', 'not a url'], {
      SITREP_PROMETHEUS_URL: prom.url,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('not a url');
  });

  it('says the same about a refused port', async () => {
    const refused = await refusedUrl();
    const result = await bothWays(['alerts', '--json'], {
      SITREP_ALERTMANAGER_URL: refused,
      SITREP_PROMETHEUS_URL: prom.url,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(refused.replace('http://', ''));
    expect(JSON.parse(result.stdout)).toMatchObject({ sources: [{ ok: false }, { ok: true }] });
  });

  it('says the same about an answer that is not JSON', async () => {
    const result = await bothWays(['alerts', '--json'], {
      SITREP_ALERTMANAGER_URL: `${am.url}/bad`,
      SITREP_PROMETHEUS_URL: '',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/JSON/);
  });

  it('sends the same credentials, from the URL or from --http.config.file', async () => {
    const before = am.requestsTo('/api/v2/alerts').length;
    const fromUrl = await bothWays(['alerts', '--json'], {
      SITREP_ALERTMANAGER_URL: am.url.replace('http://', 'http://ann:pw-1@'),
      SITREP_PROMETHEUS_URL: '',
    });
    expect(fromUrl.code).toBe(0);
    const cwd = tempConfigHome();
    fs.writeFileSync(path.join(cwd, 'http.yml'), 'basic_auth:\n  username: bob\n  password: pw-2\n');
    const fromFile = await bothWays(
      ['alerts', '--json', '--http.config.file', 'http.yml'],
      { SITREP_ALERTMANAGER_URL: am.url, SITREP_PROMETHEUS_URL: '' },
      cwd,
    );
    expect(fromFile.code).toBe(0);
    const sent = am
      .requestsTo('/api/v2/alerts')
      .slice(before)
      .map((r) => r.headers['authorization']);
    const basic = (user: string) => `Basic ${Buffer.from(user).toString('base64')}`;
    expect(sent).toEqual([basic('ann:pw-1'), basic('ann:pw-1'), basic('bob:pw-2'), basic('bob:pw-2')]);
    expect(fromUrl.stdout + fromUrl.stderr + fromFile.stdout + fromFile.stderr).not.toMatch(/pw-[12]/);
  });
});
