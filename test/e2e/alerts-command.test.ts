// `bin/sitrep alerts` (the built bundle) against the shared stack, where HaproxyServerConnectionErrors
// fires for web1 and web2. Other tests use the same stack at the same time, so the silence made
// here matches web1 only, carries a matcher unique to this run, lasts two minutes at most and is
// expired in a finally block.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AlertsJson } from '../../src/core/alerts/alert-json.js';
import { createSilence, expireSilence } from '../../src/sources/alertmanager.js';
import { tempConfigHome } from '../helpers/run-cli.js';
import { repoRoot, sharedStackUrls } from '../helpers/stack.js';

const bin = path.join(repoRoot, 'bin', 'sitrep');
const home = tempConfigHome();
const env = {
  PATH: process.env.PATH ?? '',
  HOME: home,
  XDG_CONFIG_HOME: home,
  SITREP_ALERTMANAGER_URL: sharedStackUrls.alertmanager,
  SITREP_PROMETHEUS_URL: sharedStackUrls.prometheus,
};
const alertname = 'HaproxyServerConnectionErrors';

async function sitrepJson(...args: string[]): Promise<{ code: number; doc: AlertsJson; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(bin, ['alerts', '--json', ...args], {
      env,
      timeout: 30_000,
    });
    return { code: 0, doc: JSON.parse(stdout) as AlertsJson, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, doc: JSON.parse(e.stdout) as AlertsJson, stderr: e.stderr };
  }
}

function haproxy(doc: AlertsJson, server: string) {
  return doc.alerts.find((a) => a.name === alertname && a.labels['server'] === server);
}

/** Runs `check` until it passes or the time is up: Alertmanager applies a silence on its next read. */
async function eventually(check: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

describe.skipIf(process.env.SITREP_TEST_NO_STACK === '1')('sitrep alerts on the shared stack', () => {
  it('lists HaproxyServerConnectionErrors for web1 and web2 with the runbook link', async () => {
    const { code, doc, stderr } = await sitrepJson();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const server of ['web1', 'web2']) {
      expect(haproxy(doc, server), server).toMatchObject({
        severity: 'critical',
        state: 'active',
        runbookUrl: 'haproxy/HaproxyServerConnectionErrors.md',
        origins: [
          { kind: 'alertmanager', source: sharedStackUrls.alertmanager.replace('http://', '') },
          { kind: 'prometheus', source: sharedStackUrls.prometheus.replace('http://', '') },
        ],
      });
    }
    expect(doc.sources.every((s) => s.ok)).toBe(true);
  });

  it('hides an alert silenced through the client, shows it with --silenced, and brings it back on expiry', async () => {
    const source = { kind: 'alertmanager', name: 'shared', url: sharedStackUrls.alertmanager };
    const run = `alerts-e2e-${process.pid}-${Date.now()}`;
    const id = await createSilence(source, {
      matchers: [
        { name: 'alertname', op: '=', value: alertname },
        { name: 'server', op: '=', value: 'web1' },
        // No alert has this label, so it matches web1's alert while naming this run.
        { name: 'sitrep_test_run', op: '!=', value: run },
      ],
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 120_000).toISOString(),
      createdBy: 'sitrep test suite',
      comment: `${run}: sitrep alerts e2e test, expires itself within 2 minutes`,
    });
    try {
      await eventually(async () => {
        const { doc } = await sitrepJson();
        expect(haproxy(doc, 'web1')).toBeUndefined();
        expect(haproxy(doc, 'web2')?.state).toBe('active');
      });
      const { doc } = await sitrepJson('--silenced');
      expect(haproxy(doc, 'web1')).toMatchObject({ state: 'silenced' });
      expect(haproxy(doc, 'web1')?.silencedBy).toContain(id);
    } finally {
      await expireSilence(source, id);
    }
    await eventually(async () => {
      const { doc } = await sitrepJson();
      expect(haproxy(doc, 'web1')?.state).toBe('active');
    });
  });
});
