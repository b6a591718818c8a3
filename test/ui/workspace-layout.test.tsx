// The workspace shows runbook text whole: the focused step wrapped and scrollable, commands kept
// readable, Meaning/Impact folded to a line and opened with a key, and the alert itself on a key.
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/timeline/events.js';
import { App } from '../../src/ui/app.js';
import { wrapText } from '../../src/ui/state/workspace-text.js';
import { testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices, fakeSession } from '../helpers/fake-session.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

const command = 'echo "set server <backend>/<server> state maint" | socat stdio /run/haproxy/admin.sock';
const m1 = [
  'If one or two servers cause the errors and the others have headroom, put them in maintenance:',
  `   \`${command}\`.`,
].join('\n');
const longStep = Array.from({ length: 30 }, (_, i) => `Check item ${i + 1} of the long list.`).join('\n\n');
const longMeaning = `HAProxy cannot connect to a backend server. ${'More context follows here. '.repeat(8)}END-OF-MEANING`;

const alerts = [
  testAlert(
    { alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' },
    {
      annotations: {
        summary: 'web1 refuses connections',
        description: 'Connection errors to web1 are at 250/s.\u001b]0;pwned\u0007 Check the port.',
      },
    },
  ),
];

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

/** The app over a session whose runbook has a real mitigation command and a 30-line step. */
function start() {
  const { services, opened } = fakeServices(fakeFeed(alerts));
  services.openIncident = (chosen) => {
    const session = fakeSession(chosen);
    const runbook = session.events[1] as Extract<TimelineEvent, { type: 'runbook-opened' }>;
    session.events[1] = {
      ...runbook,
      steps: [
        ...runbook.steps.slice(0, 1),
        { id: 'diagnosis-2', section: 'diagnosis', text: longStep },
        { id: 'mitigation-1', section: 'mitigation', group: 'Immediate', text: m1 },
      ],
    };
    Object.assign(session, { runbook: { ...session.runbook, meaning: longMeaning } });
    opened.push(session);
    return Promise.resolve(session);
  };
  ui = renderUi(<App services={services} />);
  return ui;
}

async function open(ui: Rendered) {
  await ui.waitForText('HaproxyServerConnectionErrors');
  ui.press(keys.enter);
  return ui.waitForText('Meaning:');
}

describe('workspace layout', () => {
  it('wraps a step so no line is longer than the pane and a command is never cut', () => {
    const lines = wrapText(m1, 79);
    expect(lines.every((l) => l.length <= 79)).toBe(true);
    expect(lines.join(' ')).toContain(command);
    // At 60 columns the command is longer than a line: it breaks at one of its spaces, whole.
    const narrow = wrapText(m1, 60);
    expect(narrow.every((l) => l.length <= 60)).toBe(true);
    expect(narrow.join(' ')).toContain(command);
    expect(narrow.some((l) => l.includes('/run/haproxy/admin.sock`.'))).toBe(true);
    // A single word longer than the pane continues on the next line.
    expect(wrapText(`see ${'x'.repeat(25)}`, 10)).toEqual(['see', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']);
  });

  it('keeps fenced code line for line and strips escape sequences', () => {
    const lines = wrapText(
      'Run:\n```\nhaproxy -c -f /etc/haproxy/haproxy.cfg\n  && reload\n```\nthen \u001b[2Jcheck.',
      40,
    );
    expect(lines).toEqual([
      'Run:',
      '  haproxy -c -f /etc/haproxy/haproxy.cfg',
      '    && reload',
      'then check.',
    ]);
  });

  it('shows the mitigation command whole in a 24-row terminal', async () => {
    const ui = start();
    await open(ui);
    ui.press('G');
    const frame = await ui.waitForText('› ○ M1');
    expect(frame).toContain(command);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('scrolls a step longer than its pane with J and K, down to its last line', async () => {
    const ui = start();
    await open(ui);
    ui.press('jj');
    let frame = await ui.waitForFrame((f) => /lines 1–\d+ of 59 · J\/K scroll/.test(f));
    expect(frame).toContain('Check item 1 of the long list.');
    expect(frame).not.toContain('Check item 30 ');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    ui.press('J'.repeat(40));
    frame = await ui.waitForText('Check item 30 of the long list.');
    expect(frame).toMatch(/lines \d+–59 of 59/);
    // Scrolled past the end, one K still moves up at once.
    ui.press('K');
    frame = await ui.waitForFrame((f) => !f.includes('Check item 30 of'));
    expect(frame).toMatch(/lines \d+–56 of 59/);
  });

  it('folds Meaning to one line and shows it whole on m', async () => {
    const ui = start();
    const frame = await open(ui);
    expect(frame).not.toContain('END-OF-MEANING');
    ui.press('m');
    await ui.waitForText('END-OF-MEANING');
    ui.press('m');
    await ui.waitForFrame((f) => !f.includes('END-OF-MEANING'));
  });

  it('shows the alert itself on i: state, source, summary, description, labels', async () => {
    const ui = start();
    await open(ui);
    ui.press('i');
    const frame = await ui.waitForText('Summary: web1 refuses connections');
    expect(frame).toContain('State: firing since 2026-11-26 03:00 UTC');
    expect(frame).toContain('Seen by: alertmanager am');
    await ui.waitForText('Value at firing: 152 at 2026-11-26 03:00 UTC');
    expect(frame).toContain('Description: Connection errors to web1 are at 250/s. Check the port.');
    expect(frame).toContain('server="web1"');
    ui.press('i');
    await ui.waitForFrame((f) => !f.includes('Summary:'));
  });

  it('shows the timeline on t with the export rows, newest last, and goes back on t', async () => {
    const ui = start();
    await open(ui);
    ui.press('jd');
    await ui.waitForText('Diagnosis 1/2');
    ui.press('n', 'web1 port 8080 closed', keys.enter);
    await ui.waitForFrame((f) => !f.includes('Note (⏎'));
    ui.press('t');
    const frame = await ui.waitForText('Note: web1 port 8080 closed');
    expect(frame).toContain('timeline, UTC');
    const done = frame.indexOf('Done: ');
    expect(done).toBeGreaterThan(-1);
    expect(frame.indexOf('Note: web1 port 8080 closed')).toBeGreaterThan(done);
    ui.press('t');
    await ui.waitForFrame((f) => !f.includes('Note: web1') && f.includes('Check item 1'));
  });

  it('scrolls the step text to the first line that matches a search', async () => {
    const ui = start();
    await open(ui);
    ui.press('/', 'item 25 of', keys.enter);
    const frame = await ui.waitForText('match 1 of 1 for “item 25 of”');
    expect(frame).toContain('› ○ D2');
    expect(frame).toContain('Check item 25 of the long list.');
    expect(frame).not.toContain('Check item 2 of the long list.');
  });
});
