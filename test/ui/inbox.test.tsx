import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import { sampleAlerts, testAlert } from '../helpers/alerts.js';
import { fakeFeed, okSource } from '../helpers/fake-feed.js';
import { fakeServices } from '../helpers/fake-session.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

const now = () => Date.parse('2026-11-26T03:10:00Z');
const alerts = [
  ...sampleAlerts(),
  testAlert({ alertname: 'Muted', severity: 'info' }, { state: 'silenced' }),
];

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

function start(feed = fakeFeed(alerts)) {
  ui = renderUi(<App services={{ ...fakeServices(feed).services, now }} />);
  return { ui, feed };
}

const cursorLine = (frame: string) => frame.split('\n').find((line) => line.startsWith('›')) ?? '';

describe('inbox', () => {
  it('lists groups by severity with counts and hides silenced alerts', async () => {
    const { ui } = start();
    const frame = await ui.waitForText('HaproxyHttpSlowingDown');
    expect(frame).toContain('3 critical');
    expect(frame).toContain('1 warning');
    const order = ['DiskFull', 'HaproxyServerConnectionErrors', 'HaproxyHttpSlowingDown'].map((n) =>
      frame.indexOf(n),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(frame).toContain('2 alerts');
    expect(frame).not.toContain('Muted');
  });

  it('moves with a burst of keys in one write and expands a group', async () => {
    const { ui } = start();
    await ui.waitForText('DiskFull');
    ui.press(keys.down, keys.down, keys.up, ' ');
    const frame = await ui.waitForText('server=web2');
    expect(cursorLine(frame)).toContain('HaproxyServerConnectionErrors');
    ui.press('jj');
    expect(cursorLine(await ui.waitForFrame((f) => cursorLine(f).includes('web2')))).toContain('server=web2');
  });

  it('filters with matchers and with words, and clears with esc', async () => {
    const { ui } = start();
    await ui.waitForText('DiskFull');
    ui.press('/', 'severity="warning"', keys.enter);
    let frame = await ui.waitForFrame((f) => !f.includes('DiskFull'));
    expect(frame).toContain('HaproxyHttpSlowingDown');
    expect(frame).toContain('filter: severity="warning"');
    ui.press('/', keys.escape);
    frame = await ui.waitForText('DiskFull');
    ui.press('/db1', keys.enter);
    frame = await ui.waitForFrame((f) => !f.includes('HaproxyHttpSlowingDown'));
    expect(frame).toContain('DiskFull');
  });

  it('shows silenced alerts on s', async () => {
    const { ui } = start();
    await ui.waitForText('DiskFull');
    ui.press('s');
    expect(await ui.waitForText('Muted')).toContain('[silenced]');
  });

  it('shows every key in the help overlay and closes it with esc', async () => {
    const { ui } = start();
    await ui.waitForText('DiskFull');
    ui.press('?');
    const help = await ui.waitForText('Keys');
    for (const text of ['move up, down', 'filter', 'refresh now', 'quit', 'this help'])
      expect(help).toContain(text);
    ui.press(keys.escape);
    await ui.waitForFrame((f) => f.includes('DiskFull') && !f.includes('this help'));
  });

  it('refreshes on r', async () => {
    const { ui, feed } = start();
    await ui.waitForText('DiskFull');
    ui.press('r');
    await ui.waitForFrame(() => feed.refreshes === 1);
  });

  it('keeps the last alerts and says so when a source fails', async () => {
    const { ui, feed } = start();
    await ui.waitForText('DiskFull');
    feed.set({
      sources: [
        {
          ...okSource('am', 5, now() - 65_000),
          health: 'stale',
          error: 'alertmanager am: connection refused',
          consecutiveFailures: 2,
        },
      ],
    });
    const frame = await ui.waitForText('STALE');
    expect(frame).toContain('connection refused');
    expect(frame).toContain('1 min 5 s ago');
    expect(frame).toContain('DiskFull');
  });

  it('shows apart what only a stale source still reports (issue #11, defect 1)', async () => {
    const { ui, feed } = start();
    await ui.waitForText('DiskFull');
    feed.set({ staleAlerts: [testAlert({ alertname: 'OnlyOnDeadPeer', severity: 'critical' })] });
    const frame = await ui.waitForText('known only to STALE sources');
    expect(frame).toContain(
      '1 more alert(s) known only to STALE sources, left out of the list: OnlyOnDeadPeer',
    );
  });

  it('does not claim nothing fires while no source has answered', async () => {
    const feed = fakeFeed([]);
    feed.set({
      sources: [
        {
          ...okSource('am', 0),
          health: 'failing',
          lastSuccessAt: undefined,
          error: 'alertmanager am: connection refused',
        },
      ],
    });
    const { ui } = start(feed);
    const frame = await ui.waitForText('no source has answered');
    expect(frame).toContain('failing: alertmanager am: connection refused');
    expect(frame).not.toContain('No alerts firing');
  });

  it('does not say nothing fires when one source answered empty and another timed out', async () => {
    // Seen at 50,000 alerts: Alertmanager did not answer within the timeout, Prometheus listed none.
    const feed = fakeFeed([]);
    feed.set({
      sources: [
        {
          ...okSource('am', 0),
          health: 'failing',
          lastSuccessAt: undefined,
          error: 'alertmanager am: no answer within 5 s (timeout)',
        },
        { ...okSource('prom', 0), kind: 'prometheus' },
      ],
    });
    const { ui } = start(feed);
    const frame = await ui.waitForText('not answering');
    expect(frame).toContain('nothing firing in the sources that answered (1 of 2 not answering)');
    expect(frame).toContain('No alerts from the sources that answered; 1 of 2 not answering');
    expect(frame).not.toContain('No alerts firing');
    expect(frame).not.toMatch(/· nothing firing\s*$/m);
  });

  it('scrolls ten thousand alerts by rendering one window', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      testAlert({ alertname: `Alert${String(i).padStart(5, '0')}`, severity: 'warning' }),
    );
    const { ui } = start(fakeFeed(many));
    await ui.waitForText('Alert00000');
    ui.press(keys.pageDown, keys.pageDown);
    const frame = await ui.waitForFrame((f) => /rows \d+–\d+ of 10000/.test(f) && !f.includes('Alert00000'));
    expect(frame.split('\n').length).toBeLessThanOrEqual(30);
  });
});
