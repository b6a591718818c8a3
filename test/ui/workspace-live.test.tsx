// The workspace tells the truth as it changes: probe values follow Prometheus on their own, the
// header follows the alert's state, dialogs say what closing or silencing really does, and
// nothing opened is left open.
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { App } from '../../src/ui/app.js';
import { sampleAlerts, testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices, nowMs, type FakeServiceOptions } from '../helpers/fake-session.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

function start(options: FakeServiceOptions = {}, alerts = sampleAlerts()) {
  const { services, opened } = fakeServices(fakeFeed(alerts), 152, options);
  ui = renderUi(<App services={services} />);
  return { ui, opened, services };
}

/** Opens web1's alert: expand the group (row 2), then ↓⏎ onto its first alert. */
async function openWeb1(ui: Rendered) {
  await ui.waitForText('DiskFull');
  ui.press(keys.down, ' ', keys.down, keys.enter);
  return ui.waitForText('Meaning:');
}

const probeRuns = (events: { type: string }[]) => events.filter((e) => e.type === 'probe-run').length;

describe('live probes', () => {
  it('follow Prometheus without a key press, say how old they are, and journal only changes', async () => {
    const { ui, opened } = start({ probeIntervalMs: 30 });
    await openWeb1(ui);
    const first = await ui.waitForText('152 req/s');
    expect(first).toMatch(/measured [^·]+ ago · re-runs every 30 ms \(r now\)/);
    expect(first).toContain('r rerun');
    const session = opened[0];
    if (!session) throw new Error('no session');
    // Several automatic runs at the same value: one probe-run in the journal.
    await ui.waitForFrame(() => session.probeRunCount >= 3);
    expect(probeRuns(session.events)).toBe(1);
    session.probeValue = 240;
    await ui.waitForText('240 req/s');
    await ui.waitForFrame(() => probeRuns(session.events) === 2);
    expect(session.events.filter((e) => e.type === 'probe-run').at(-1)).toMatchObject({
      alert: session.probeAlert.fingerprint,
    });
  });
});

describe('the header and the close dialog', () => {
  it("shows a start in the future as the server gave it, by the server's clock, in the inbox and the header", async () => {
    // Alertmanager sets startsAt by its own clock for an alert posted with only endsAt.
    const startsAt = '2026-11-26T05:09:48.000Z';
    const alerts = sampleAlerts().map((a) =>
      a.labels['alertname'] === 'HaproxyServerConnectionErrors' ? { ...a, startsAt } : a,
    );
    const { ui } = start({}, alerts);
    const inbox = await ui.waitForText('DiskFull');
    expect(inbox).toContain('in 1 h 59 min');
    ui.press(keys.down, ' ', keys.down, keys.enter);
    const local = new Date(startsAt);
    const hhmm = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
    const header = await ui.waitForText(`firing starts at ${hhmm} (in the future, by the server's clock)`);
    expect(header).not.toContain('firing since 0 s');
  });

  it('says when the alert resolved, and the close dialog says what is still open', async () => {
    const { ui, opened } = start();
    await openWeb1(ui);
    const session = opened[0];
    if (!session) throw new Error('no session');
    expect(await ui.waitForText('firing since 10 min')).toContain('server=web1');
    ui.press('C');
    const firing = await ui.waitForText('Close this incident?');
    expect(firing).toContain('The alert is still firing; 1 of 1 mitigation steps are still open.');
    expect(firing).not.toContain('Nothing more to do');
    ui.press(keys.escape);
    const resolvedAt = '2026-11-26T03:06:00.000Z';
    await session.record({
      type: 'alert-resolved',
      at: resolvedAt,
      fingerprint: session.incident().alerts[0]?.fingerprint ?? '',
    });
    const local = new Date(resolvedAt);
    const hhmm = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
    await ui.waitForText(`resolved at ${hhmm} (4 min ago)`);
    ui.press('G', 'd');
    await ui.waitForText('Mitigation 1/1');
    ui.press('C');
    expect(await ui.waitForText('Close this incident?')).toContain(
      'The alert is resolved. Nothing more to do on it.',
    );
  });
});

describe('silences', () => {
  it('default to the alert’s own labels, escaped; tab offers the whole group; edits are sent', async () => {
    const hostile = testAlert({
      alertname: 'HaproxyServerConnectionErrors',
      server: 'web1',
      severity: 'critical',
      instance: 'x\u001b[2Jy',
    });
    const alerts = [hostile, sampleAlerts()[2] ?? hostile];
    const { ui, opened } = start({}, alerts);
    await ui.waitForText('HaproxyServerConnectionErrors');
    ui.press(' ', keys.down, keys.enter);
    await ui.waitForText('Meaning:');
    ui.press('S', keys.enter, 'maintenance', keys.enter);
    const confirm = await ui.waitForText('Create this silence');
    expect(confirm).toContain("this incident's alerts");
    expect(confirm).toContain('instance="x\\x1b[2Jy"');
    expect(confirm).toContain('server="web1"');
    ui.press('\t');
    const group = await ui.waitForText('EVERY alert of this name');
    expect(group).toMatch(/│ alertname="HaproxyServerConnectionErrors", severity="critical" +│/);
    ui.press('\t');
    await ui.waitForText("this incident's alerts");
    // Edit: drop the last matcher (severity="critical") and confirm.
    ui.press(...Array.from({ length: ', severity="critical"'.length }, () => keys.backspace), keys.enter);
    await ui.waitForText('silence-123');
    expect(opened[0]?.silences[0]?.matchers).toEqual([
      { name: 'alertname', op: '=', value: 'HaproxyServerConnectionErrors' },
      { name: 'instance', op: '=', value: 'x\u001b[2Jy' },
      { name: 'server', op: '=', value: 'web1' },
    ]);
  });

  it('refuses an edited line that does not parse, in words, and keeps the dialog', async () => {
    const { ui, opened } = start();
    await openWeb1(ui);
    ui.press('S', keys.enter, 'maintenance', keys.enter);
    await ui.waitForText('Create this silence');
    ui.press('"', keys.enter);
    expect(await ui.waitForText('invalid matcher')).toContain('Create this silence');
    expect(opened[0]?.silences).toEqual([]);
  });
});

describe('identity, leaks and errors', () => {
  it('adds another alert of the name to the open incident only on `a`, recording who did', async () => {
    const { ui, opened } = start();
    await openWeb1(ui);
    ui.press(keys.escape);
    await ui.waitForText('INCIDENT');
    // Rows: the incident, DiskFull, the group, web1, web2, HaproxyHttpSlowingDown.
    ui.press('G', 'k');
    await ui.waitForFrame((f) => (f.split('\n').find((l) => l.startsWith('›')) ?? '').includes('web2'));
    ui.press('a');
    const frame = await ui.waitForText('2 of 2 firing');
    expect(frame).toContain('+1');
    // The probes use one alert's labels, and say whose.
    expect(frame).toContain('probes for server=web1');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.events.find((e) => e.type === 'alert-firing')).toMatchObject({ addedBy: 'tester' });
  });

  it('says so in the inbox when there is no open incident to add an alert to', async () => {
    const { ui } = start();
    await ui.waitForText('DiskFull');
    ui.press('a');
    await ui.waitForText('No open DiskFull incident to add it to');
  });

  it('closes a session that finishes opening after the engineer went back', async () => {
    let release = () => undefined as void;
    const openDelay = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { ui, opened } = start({ openDelay });
    await ui.waitForText('DiskFull');
    ui.press(keys.down, ' ', keys.down, keys.enter);
    await ui.waitForText('Opening the incident');
    ui.press(keys.escape);
    await ui.waitForFrame((f) => f.includes('DiskFull') && !f.includes('Opening'));
    release();
    await ui.waitForFrame(() => opened[0]?.closed === true);
    expect(ui.frame()).not.toContain('Meaning:');
  });

  it('shows journals that could not be read under the inbox instead of dropping them', async () => {
    const { ui } = start({ journalProblems: ['/data/2026-x.jsonl: line 3 is not JSON'] });
    await ui.waitForText('Incident journals: /data/2026-x.jsonl: line 3 is not JSON');
  });

  it('shows an error’s hint with its message, as the CLI does', async () => {
    const { services } = fakeServices(fakeFeed(sampleAlerts()));
    const failing = {
      ...services,
      now: () => nowMs,
      openIncident: () =>
        Promise.reject(
          new UserError('cannot write /data/incidents', { hint: 'Check the folder permissions.' }),
        ),
    };
    ui = renderUi(<App services={failing} />);
    await ui.waitForText('DiskFull');
    ui.press(keys.down, ' ', keys.down, keys.enter);
    await ui.waitForText('cannot write /data/incidents. Check the folder permissions.');
  });
});
