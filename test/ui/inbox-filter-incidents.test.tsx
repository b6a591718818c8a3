// The inbox's `/` filter applies to the open incidents listed above the alerts too, so Enter after
// filtering opens what the filter matched, not an incident the filter said nothing about.
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/core/alerts/alert.js';
import type { OpenIncidentSummary } from '../../src/app/services.js';
import { App } from '../../src/ui/app.js';
import { testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices } from '../helpers/fake-session.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

const diskFull = testAlert({ alertname: 'DiskFull', instance: 'db1', severity: 'critical' });
const latency = testAlert({ alertname: 'Latency', instance: 'web2', severity: 'warning' });
const incident: OpenIncidentSummary = {
  id: 'inc-disk',
  title: 'Disk full on db1',
  alertname: 'DiskFull',
  fingerprints: [diskFull.fingerprint],
  openedAt: '2026-11-26T03:00:00.000Z',
  done: 1,
  total: 4,
};

function start() {
  const fake = fakeServices(fakeFeed([diskFull, latency])).services;
  const opened: (readonly Alert[])[] = [];
  const resumed: string[] = [];
  const services = {
    ...fake,
    now: () => Date.parse('2026-11-26T03:10:00Z'),
    openIncidents: () => Promise.resolve({ incidents: [incident], problems: [] }),
    openIncident: (alerts: readonly Alert[]) => {
      opened.push(alerts);
      return fake.openIncident(alerts);
    },
    resumeIncident: (id: string) => {
      resumed.push(id);
      return fake.resumeIncident(id);
    },
  };
  ui = renderUi(<App services={services} />);
  return { ui, opened, resumed };
}

describe('inbox filter and open incidents', () => {
  it('hides an incident the filter does not match, so Enter opens the alert it matched', async () => {
    const { ui, opened, resumed } = start();
    await ui.waitForFrame((f) => f.includes('Disk full on db1') && f.includes('Latency'));
    ui.press('/', 'latency', keys.enter);
    const frame = await ui.waitForFrame((f) => !f.includes('DiskFull') && f.includes('filter: latency'));
    expect(frame).not.toContain('Disk full on db1');
    ui.press(keys.enter);
    await ui.waitForFrame(() => opened.length > 0 || resumed.length > 0);
    expect(resumed).toEqual([]);
    expect(opened.map((alerts) => alerts.map((a) => a.name))).toEqual([['Latency']]);
  });

  it('keeps an incident whose alert, alertname or title the filter matches', async () => {
    const { ui, resumed } = start();
    await ui.waitForFrame((f) => f.includes('Disk full on db1'));
    ui.press('/', 'instance=db1', keys.enter);
    let frame = await ui.waitForFrame((f) => !f.includes('Latency') && f.includes('filter: instance=db1'));
    expect(frame).toContain('Disk full on db1');
    ui.press('/');
    ui.press(keys.escape);
    await ui.waitForText('Latency');
    ui.press('/', 'full on', keys.enter);
    frame = await ui.waitForFrame((f) => !f.includes('Latency') && f.includes('filter: full on'));
    expect(frame).toContain('Disk full on db1');
    ui.press(keys.enter);
    await ui.waitForFrame(() => resumed.length > 0);
    expect(resumed).toEqual(['inc-disk']);
  });
});
