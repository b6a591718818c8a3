// Open incidents in the inbox: the live ones first; those whose alerts all resolved more than
// 15 min ago below them, saying since when.
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenIncidentSummary } from '../../src/app/services.js';
import { App } from '../../src/ui/app.js';
import { sampleAlerts } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices } from '../helpers/fake-session.js';
import { renderUi, type Rendered } from '../helpers/render.js';

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

const alerts = sampleAlerts();
const incident = (id: string, extra: Partial<OpenIncidentSummary> = {}): OpenIncidentSummary => ({
  id,
  title: `Incident ${id}`,
  alertname: 'X',
  fingerprints: [`fp-${id}`],
  openedAt: '2026-11-26T02:00:00.000Z',
  done: 1,
  total: 4,
  ...extra,
});
const incidents = [
  // Newest first, as the app lists them.
  incident('quiet', { alertsResolvedAt: '2026-11-26T02:30:00.000Z' }),
  incident('recent', { alertsResolvedAt: '2026-11-26T03:05:00.000Z' }),
  incident('live'),
  // The journal says resolved, but the feed shows its alert firing again.
  incident('refired', {
    alertsResolvedAt: '2026-11-26T02:00:00.000Z',
    fingerprints: [alerts[0]?.fingerprint ?? ''],
  }),
];

function start(nowIso: string) {
  let nowMs = Date.parse(nowIso);
  const services = {
    ...fakeServices(fakeFeed(alerts)).services,
    now: () => nowMs,
    openIncidents: () => Promise.resolve({ incidents, problems: [] }),
  };
  ui = renderUi(<App services={services} />);
  return { ui, setNow: (iso: string) => (nowMs = Date.parse(iso)) };
}

const incidentLines = (frame: string) => frame.split('\n').filter((line) => line.includes('INCIDENT'));

describe('open incidents in the inbox', () => {
  it('lists incidents resolved more than 15 min ago below the live ones, saying since when', async () => {
    const { ui } = start('2026-11-26T03:10:00Z');
    const frame = await ui.waitForFrame((f) => incidentLines(f).length === 4);
    const lines = incidentLines(frame);
    expect(lines.map((l) => /Incident (\w+)/.exec(l)?.[1])).toEqual(['recent', 'live', 'refired', 'quiet']);
    expect(lines[0]).toContain('resolved 5 min ago');
    expect(lines[1]).not.toContain('resolved');
    expect(lines[2]).not.toContain('resolved');
    expect(lines[3]).toContain('resolved 40 min ago');
    // The alerts still follow the incidents.
    expect(frame.indexOf('Incident quiet')).toBeLessThan(frame.indexOf('DiskFull'));
  });

  it('moves an incident down once its quiet time passes 15 min, the cursor staying on it', async () => {
    const { ui, setNow } = start('2026-11-26T03:10:00Z');
    await ui.waitForFrame((f) => incidentLines(f).length === 4);
    ui.press('g');
    await ui.waitForFrame((f) => (f.split('\n').find((l) => l.startsWith('›')) ?? '').includes('recent'));
    setNow('2026-11-26T03:21:00Z');
    const frame = await ui.waitForFrame((f) => incidentLines(f)[2]?.includes('Incident recent') === true);
    expect(incidentLines(frame).map((l) => /Incident (\w+)/.exec(l)?.[1])).toEqual([
      'live',
      'refired',
      'recent',
      'quiet',
    ]);
    expect(incidentLines(frame)[2]).toContain('resolved 16 min ago');
    expect(incidentLines(frame)[2]?.startsWith('›')).toBe(true);
  });
});
