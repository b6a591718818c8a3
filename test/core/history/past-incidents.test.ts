// Past incidents over a temp journal folder: incidents recorded through the real store, read back
// with list(), then ranked and described.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describePastIncident,
  pastIncidentLine,
  pastIncidents,
} from '../../../src/core/history/past-incidents.js';
import type { StepRecord } from '../../../src/core/timeline/events.js';
import { IncidentStore } from '../../../src/store/incident-store.js';
import { testAlert } from '../../helpers/alerts.js';
import { runCli } from '../../helpers/run-cli.js';

const alertname = 'HaproxyServerConnectionErrors';
const steps: StepRecord[] = [
  { id: 'diagnosis-1', section: 'diagnosis', text: 'Look at the errors' },
  { id: 'mitigation-1', section: 'mitigation', text: 'Drain the server\nin HAProxy' },
  { id: 'mitigation-2', section: 'mitigation', text: 'Restart the app' },
];

let dir: string;
let store: IncidentStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-past-'));
  store = new IncidentStore(path.join(dir, 'sitrep', 'incidents'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function record(server: string, day: string, done: string[], notes: string[], closeAfterMin: number) {
  const at = `${day}T03:00:00.000Z`;
  const alert = testAlert({ alertname, server, severity: 'critical' }, { startsAt: at });
  const journal = await store.openIncident({ alerts: [alert], at });
  const later = (minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();
  await journal.append({
    type: 'runbook-opened',
    at: later(1),
    source: { kind: 'builtin' },
    textHash: 'sha256:00',
    title: 'HAProxy server connection errors',
    steps,
  });
  for (const stepId of done) await journal.append({ type: 'step-done', at: later(2), stepId });
  for (const text of notes) await journal.append({ type: 'note-added', at: later(3), text });
  await journal.append({ type: 'incident-closed', at: later(closeAfterMin) });
  await journal.flush();
  return journal.incident()!.id;
}

describe('past incidents', () => {
  it('same labels first, then newest; mitigations done and notes, durations from the journal', async () => {
    await record('web1', '2026-11-20', ['mitigation-1'], ['restarted app on web1'], 40);
    await record('web2', '2026-11-25', ['diagnosis-1', 'mitigation-2'], [], 10);
    await record('web1', '2026-11-10', [], ['flapped, nothing done'], 5);
    const { incidents } = await store.list();
    const found = pastIncidents(
      incidents.map((e) => e.incident),
      alertname,
      { alertname, server: 'web1', severity: 'critical' },
      '2026-11-29T00:00:00.000Z',
    );
    expect(found.map((p) => [p.startedAt.slice(0, 10), p.sameLabels])).toEqual([
      ['2026-11-20', true],
      ['2026-11-10', true],
      ['2026-11-25', false],
    ]);
    expect(pastIncidentLine(found[0]!)).toBe('2026-11-20, 40 min: M1 done, note: "restarted app on web1"');
    expect(pastIncidentLine(found[2]!)).toBe('2026-11-25, 10 min: M2 done');
    expect(pastIncidentLine(found[1]!)).toBe(
      '2026-11-10, 5 min: no mitigation step done, note: "flapped, nothing done"',
    );
    const lines = describePastIncident(found[0]!);
    expect(lines[0]).toMatch(
      /^\S+ {2}closed \(same labels\) {2}started 2026-11-20 03:00:00 UTC, lasted 40 min$/,
    );
    expect(lines.slice(1)).toEqual([
      '  runbook: HAProxy server connection errors',
      '  done M1: Drain the server',
      '  note 2026-11-20 03:03:00 UTC: restarted app on web1',
    ]);
  });

  it('other alerts and the incident being worked are left out; terminal escapes never get through', async () => {
    const current = await record('web1', '2026-11-28', [], ['\u001b]52;c;cGF3bmVk\u0007copied'], 3);
    await record('web1', '2026-11-27', [], ['\u001b[31mred\u001b[0m'], 3);
    const { incidents } = await store.list();
    const all = incidents.map((e) => e.incident);
    expect(pastIncidents(all, 'OtherAlert', {}, '2026-11-29T00:00:00Z')).toEqual([]);
    const found = pastIncidents(all, alertname, {}, '2026-11-29T00:00:00Z', current);
    expect(found).toHaveLength(1);
    expect(found[0]!.sameLabels).toBe(false);
    expect(pastIncidentLine(found[0]!)).not.toContain('\u001b');
  });

  it('`sitrep history` lists them from the data folder (Prometheus switched off)', async () => {
    await record('web1', '2026-11-20', ['mitigation-1'], ['restarted app on web1'], 40);
    const env = { HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, TZ: 'UTC' };
    const text = await runCli(['history', alertname, '--label', 'server=web1', '--prometheus.url', ''], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('unknown: --prometheus.url is switched off');
    expect(text.stdout).toContain('closed (same labels)  started 2026-11-20 03:00:00 UTC, lasted 40 min');
    const json = await runCli(['history', alertname, '--json', '--prometheus.url', ''], env);
    const document = JSON.parse(json.stdout) as {
      history: null;
      incidents: { mitigationsDone: unknown[] }[];
    };
    expect(document.history).toBeNull();
    expect(document.incidents[0]!.mitigationsDone).toEqual([
      { id: 'mitigation-1', text: 'Drain the server\nin HAProxy', at: '2026-11-20T03:02:00.000Z' },
    ]);
  });
});
