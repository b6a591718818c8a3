// The workspace's "has this fired before / last time" lines against the shared stack, where the seed
// alert fires, and a temp journal folder with an earlier incident for it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAlertPast } from '../../src/app/alert-past.js';
import { openWorkspaceSession } from '../../src/app/workspace-session.js';
import { sessionDeps } from '../app/session-deps.js';
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

  it.skipIf(process.env.SITREP_TEST_NO_STACK === '1')(
    'a session records the history it read once in the journal, and the export shows it',
    async () => {
      const own = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-past-session-'));
      try {
        const { deps } = sessionDeps(own, { nowMs: Date.now() });
        const alert = testAlert({ alertname, server: 'web1', severity: 'critical' });
        const session = await openWorkspaceSession([alert], {
          ...deps,
          now: () => Date.now(),
          past: { prometheus, windowSeconds: 3600 },
        });
        const first = await session.alertPast?.();
        await session.alertPast?.();
        const recorded = (session.journalEvents?.() ?? []).filter((e) => e.type === 'alert-history');
        expect(recorded).toHaveLength(1);
        const [event] = recorded;
        if (event?.type !== 'alert-history') throw new Error('no alert-history event');
        const episodes = first?.report?.history.episodes ?? [];
        expect(event.count).toBe(episodes.length);
        expect(event.count).toBeGreaterThan(0);
        expect(event.episodes.at(-1)).toMatchObject({
          start: new Date((episodes.at(-1)?.start ?? 0) * 1000).toISOString(),
          ongoing: true,
          labels: expect.objectContaining({ server: 'web1' }) as unknown,
        });
        const file = path.join(own, 'notes.md');
        await session.exportNotes('md', file);
        await session.close();
        const markdown = fs.readFileSync(file, 'utf8');
        expect(markdown).toMatch(/## Alert history\n\n(Fired once|Fired \d+ times) in 1 hour, /);
        expect(markdown).toMatch(/still firing \| `\{[^`]*server="web1"[^`]*\}` \|/);
      } finally {
        fs.rmSync(own, { recursive: true, force: true });
      }
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
