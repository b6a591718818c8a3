// The stack script's whole life on its own ports and folder: up, fire, the seed alert in
// Alertmanager for each backend server, idempotent up, and a down that leaves nothing behind.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stack, stackEnv } from '../helpers/stack.js';

const env = { ...stackEnv('lifecycle', 18000), SITREP_STACK_LOAD_RATE: '400' };
const alertmanager = `http://127.0.0.1:${env.SITREP_STACK_ALERTMANAGER_PORT}`;

interface AmAlert {
  labels: Record<string, string>;
  status: { state: string };
}

function recordedPids(): number[] {
  const registry = JSON.parse(
    fs.readFileSync(path.join(env.SITREP_STACK_DIR, 'processes.json'), 'utf8'),
  ) as Record<string, { pid: number }>;
  return Object.values(registry).map((entry) => entry.pid);
}

function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

describe.skipIf(process.env.SITREP_TEST_NO_STACK === '1')('npm run stack', () => {
  it('brings the stack up, fires the seed alert for every server, and stops only what it started', async () => {
    try {
      const upResult = await stack(env, 'up');
      expect(upResult.stdout).toContain(`prometheus    http://127.0.0.1:${env.SITREP_STACK_PROMETHEUS_PORT}`);
      expect((await stack(env, 'up')).stdout).toContain('already up');

      const fired = await stack(env, 'fire', '120');
      expect(fired.stdout).toMatch(/HaproxyServerConnectionErrors firing in Alertmanager after \d+\.\d s/);

      const res = await fetch(
        `${alertmanager}/api/v2/alerts?filter=alertname%3D%22HaproxyServerConnectionErrors%22`,
      );
      const alerts = (await res.json()) as AmAlert[];
      const servers = alerts.map((a) => a.labels.server).sort();
      expect(servers).toEqual(['web1', 'web2']);
      for (const alert of alerts) {
        expect(alert.labels.severity).toBe('critical');
        expect(alert.status.state).toBe('active');
      }

      const status = await stack(env, 'status');
      expect(status.stdout).toMatch(/prometheus\s+running, pid \d+/);
      expect(status.stdout).toMatch(/load\s+running, pid \d+/);
    } finally {
      const pids = recordedPids();
      expect(pids.length).toBe(4);
      const down = await stack(env, 'down');
      expect(down.stdout).toContain('stopped load, haproxy, alertmanager, prometheus');
      expect(pids.filter(alive)).toEqual([]);
    }
  });
});
