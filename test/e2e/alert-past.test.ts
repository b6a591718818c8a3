// The workspace's "has this fired before / last time" lines against the shared stack, where the seed
// alert fires, and a temp journal folder with an earlier incident for it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAlertPast } from '../../src/app/alert-past.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { testAlert } from '../helpers/alerts.js';
import { sharedStackUrls } from '../helpers/stack.js';

const prometheus = { kind: 'prometheus', name: 'test', url: sharedStackUrls.prometheus, timeoutMs: 10_000 };
const alertname = 'HaproxyServerConnectionErrors';

describe('loadAlertPast', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-past-'));
  const store = new IncidentStore(dir);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.skipIf(process.env.SITREP_TEST_NO_STACK === '1')(
    'the firing seed alert has history, even with a label only Alertmanager adds; the last incident is named',
    async () => {
      const earlier = testAlert(
        { alertname, server: 'web1', severity: 'critical' },
        { startsAt: '2026-11-20T03:00:00Z' },
      );
      const journal = await store.openIncident({ alerts: [earlier], at: '2026-11-20T03:00:00Z' });
      await journal.append({ type: 'note-added', at: '2026-11-20T03:05:00Z', text: 'restarted app on web1' });
      await journal.append({ type: 'incident-closed', at: '2026-11-20T03:40:00Z' });
      await journal.flush();

      // `cluster` stands for an external label: on the alert, not on Prometheus's own ALERTS series.
      const alert = testAlert({ alertname, server: 'web1', severity: 'critical', cluster: 'eu-1' });
      const past = await loadAlertPast(alert, 'the-current-one', {
        prometheus,
        store,
        now: () => Date.now(),
        zone: { name: 'UTC', offsetMinutes: 0 },
        windowSeconds: 3600,
      });
      expect(past.history).toMatch(/^Fired (once|\d+ times) in the last 1 hour, /);
      expect(past.report?.history.episodes.every((e) => e.labels['server'] === 'web1')).toBe(true);
      expect(past.report?.history.episodes.at(-1)?.ongoing).toBe(true);
      expect(past.lastTime).toBe(
        'Last time, 2026-11-20, 40 min: no mitigation step done, note: "restarted app on web1"',
      );
    },
  );

  it('without Prometheus, or when it does not answer, the history says unknown', async () => {
    const alert = testAlert({ alertname: 'Other', server: 'web1' });
    const deps = { store, now: () => Date.now(), zone: { name: 'UTC', offsetMinutes: 0 } };
    const none = await loadAlertPast(alert, 'x', { ...deps, prometheus: undefined });
    expect(none).toEqual({
      history: 'History unknown: no Prometheus configured.',
      report: undefined,
      lastTime: undefined,
      incidents: [],
    });
    const closed = await loadAlertPast(alert, 'x', {
      ...deps,
      prometheus: { kind: 'prometheus', name: 'gone', url: 'http://127.0.0.1:9', timeoutMs: 2000 },
    });
    expect(closed.history).toMatch(/^History unknown: .*127\.0\.0\.1:9/);
    expect(closed.report).toBeUndefined();
  });
});
