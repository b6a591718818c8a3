import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import { sampleAlerts } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices } from '../helpers/fake-session.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

const alerts = sampleAlerts();

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

function start() {
  const { services, opened } = fakeServices(fakeFeed(alerts));
  ui = renderUi(<App services={services} />);
  return { ui, opened };
}

/** Opens web1's alert: expand the group (row 2), then ↓⏎ onto its first alert. */
async function openWeb1(ui: Rendered) {
  await ui.waitForText('DiskFull');
  ui.press(keys.down, ' ', keys.down, keys.enter);
  return ui.waitForText('Meaning:');
}

const lastEvent = (events: { type: string }[]) => events[events.length - 1];

describe('incident workspace', () => {
  it('opens the row a burst of keys lands on (↓↓⏎ opens row 3)', async () => {
    const { ui, opened } = start();
    await ui.waitForText('DiskFull');
    ui.press(keys.down, keys.down, keys.enter);
    await ui.waitForText('Meaning:');
    expect(opened[0]?.incident().alertname).toBe('HaproxyHttpSlowingDown');
  });

  it('shows the runbook, the checklist with progress, and the alert expression probe judged critical', async () => {
    const { ui } = start();
    await openWeb1(ui);
    const frame = await ui.waitForText('152 req/s');
    expect(frame).toContain('Meaning: HAProxy cannot connect to a backend server.');
    expect(frame).toContain('Impact: Requests routed to the server fail.');
    expect(frame).toContain('Diagnosis 0/2 · Mitigation 0/1');
    expect(frame).toContain('D1 Check which servers refuse connections.');
    expect(frame).toMatch(/critical\s+Alert expression \(crit > 100\) · ran 0 s ago/);
    // A step with one probe says so in the singular.
    expect(frame).toMatch(/◆ Alert expression \[1 probe\]/);
    expect(frame).toMatch(/[▁▂▃▄▅▆▇█]{3,}/);
    // The checklist is windowed to the terminal: the last step scrolls into view.
    ui.press('G');
    await ui.waitForText('M1 (Immediate) Take the server out of rotation.');
  });

  it('marks steps done and skipped, records each, and reopens', async () => {
    const { ui, opened } = start();
    await openWeb1(ui);
    // After d the cursor is on the next open step (D2); s asks why and ⏎ alone skips without one.
    ui.press('jd', 's', keys.enter);
    let frame = await ui.waitForText('Diagnosis 2/2');
    expect(frame).toContain('✓ D1');
    expect(frame).toContain('⊘ D2');
    const session = opened[0];
    expect(session?.events.map((e) => e.type).slice(-2)).toEqual(['step-done', 'step-skipped']);
    ui.press('ku');
    frame = await ui.waitForText('Diagnosis 1/2');
    expect(lastEvent(session?.events ?? [])).toMatchObject({ type: 'step-reopened', stepId: 'diagnosis-2' });
  });

  it('records a note typed in one burst, with ? and q as text', async () => {
    const { ui, opened } = start();
    await openWeb1(ui);
    ui.press('n', 'web1 refuses: port 8080 closed? q', keys.enter);
    await ui.waitForFrame(() => opened[0]?.events.some((e) => e.type === 'note-added') === true);
    expect(lastEvent(opened[0]?.events ?? [])).toMatchObject({
      type: 'note-added',
      text: 'web1 refuses: port 8080 closed? q',
    });
  });

  it('silences with a duration, a required comment and a confirmation showing the matchers', async () => {
    const { ui, opened } = start();
    await openWeb1(ui);
    ui.press('S');
    await ui.waitForText('Silence for how long?');
    ui.press(keys.enter);
    await ui.waitForText('Why silence it?');
    ui.press(keys.enter);
    await ui.waitForText('A silence needs a comment');
    ui.press('draining web1', keys.enter);
    const confirm = await ui.waitForText('Create this silence');
    expect(confirm).toContain('alertname="HaproxyServerConnectionErrors"');
    expect(confirm).toContain('server="web1"');
    ui.press(keys.enter);
    await ui.waitForText('Silenced (silence silence-123) through alertmanager am');
    expect(opened[0]?.silences[0]).toMatchObject({ durationMs: 30 * 60_000, comment: 'draining web1' });
  });

  it('exports to a path that defaults to the current folder', async () => {
    const { ui, opened } = start();
    await openWeb1(ui);
    ui.press('e');
    await ui.waitForText('Export the postmortem notes');
    ui.press(keys.enter);
    const pathField = await ui.waitForText('Write to');
    const id = opened[0]?.id ?? '';
    expect(pathField).toContain(`/work/out/${id}.md`);
    ui.press(keys.enter);
    await ui.waitForText('Postmortem notes written to');
    expect(opened[0]?.exports).toEqual([{ format: 'md', path: `/work/out/${id}.md` }]);
  });

  it('goes back to the inbox with esc and lists the open incident on top', async () => {
    const { ui } = start();
    await openWeb1(ui);
    ui.press(keys.escape);
    const frame = await ui.waitForText('INCIDENT');
    expect(frame).toContain('HaproxyServerConnectionErrors · 0/3 steps');
    expect(frame).toContain('DiskFull');
  });

  it('shows the workspace keys in help', async () => {
    const { ui } = start();
    await openWeb1(ui);
    ui.press('?');
    const help = await ui.waitForText('Incident');
    for (const text of [
      'mark the step done',
      'skip the step',
      'add a note',
      'silence the alert',
      'export postmortem',
    ]) {
      expect(help).toContain(text);
    }
  });

  it('closes the incident, expiring the silences it created when asked', async () => {
    const { ui, opened } = start();
    await openWeb1(ui);
    ui.press('S', keys.enter);
    await ui.waitForText('Why silence it?');
    ui.press('maintenance', keys.enter, keys.enter);
    await ui.waitForText('silence-123');
    ui.press('C');
    expect(await ui.waitForText('Close this incident?')).toContain('expires the 1 silence(s)');
    ui.press('y');
    const inbox = await ui.waitForFrame((f) => f.includes('DiskFull') && !f.includes('Meaning:'));
    expect(inbox).not.toContain('INCIDENT');
    const session = opened[0];
    expect(session?.expired).toEqual(['silence-123']);
    expect(session?.events.map((e) => e.type).slice(-2)).toEqual(['silence-expired', 'incident-closed']);
  });

  it('asks before quitting with events not on disk, and quits as asked once they are written', async () => {
    const { ui, opened } = start();
    await openWeb1(ui);
    const session = opened[0];
    if (!session) throw new Error('no session opened');
    let pending = 2;
    session.recording = () => ({
      ok: pending === 0,
      pending,
      error: pending === 0 ? undefined : 'disk full',
    });
    const note = (text: string) =>
      session.record({ type: 'note-added', at: '2026-11-26T03:10:00.000Z', text });
    await note('first');
    ui.press('q');
    await ui.waitForText('2 events are not on disk yet. Quit anyway and lose them?');
    expect(session.closed).toBe(false);
    // The writes go through: nothing is lost by quitting now, and no dialog asks about 0 events.
    pending = 0;
    await note('second');
    await expect.poll(() => session.closed).toBe(true);
    expect(ui.frame()).not.toContain('0 events are not on disk yet');
  });
});
