// Search and move in the workspace: / finds runbook text, n/N walk the matches, esc clears the
// search (then n is a note again); d and s move the cursor on to the next open step; s asks why.
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import { helpEntries } from '../../src/ui/keymap.js';
import { testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices } from '../helpers/fake-session.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

const alerts = [
  testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' }),
];

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

async function open() {
  const { services, opened } = fakeServices(fakeFeed(alerts));
  ui = renderUi(<App services={services} />);
  await ui.waitForText('HaproxyServerConnectionErrors');
  ui.press(keys.enter);
  await ui.waitForText('Meaning:');
  return { ui, opened };
}

describe('workspace search and move', () => {
  it('finds steps by their text with /, walks them with n and N, and esc clears the search', async () => {
    const { ui } = await open();
    ui.press('/', 'HAProxy', keys.enter);
    // One row holds "HAProxy": D2 "Look at the HAProxy logs." (the Meaning is not a row).
    let frame = await ui.waitForText('match 1 of 1 for “HAProxy”');
    expect(frame).toContain('› ○ D2 Look at the HAProxy logs.');
    ui.press('/', keys.backspace.repeat(7), 'the', keys.enter);
    frame = await ui.waitForText('for “the”');
    // "the" is in D2 ("the HAProxy logs") and M1 ("the server out"); from D2 the first is D2.
    expect(frame).toContain('match 1 of 2');
    expect(frame).toContain('› ○ D2');
    ui.press('n');
    frame = await ui.waitForText('match 2 of 2');
    expect(frame).toContain('› ○ M1');
    ui.press('n');
    frame = await ui.waitForText('match 1 of 2');
    expect(frame).toContain('› ○ D2');
    ui.press('N');
    frame = await ui.waitForText('match 2 of 2');
    expect(frame).toContain('› ○ M1');
    ui.press(keys.escape);
    await ui.waitForText('Search cleared.');
    ui.press('n');
    await ui.waitForText('Note (⏎ records it');
  });

  it('says when nothing matches and stays put', async () => {
    const { ui } = await open();
    ui.press('/', 'zookeeper', keys.enter);
    const frame = await ui.waitForText('No step matches “zookeeper”.');
    expect(frame).toContain('› ◆ Alert expression');
  });

  it('moves to the next open step after d, and s records the reason given', async () => {
    const { ui, opened } = await open();
    ui.press('jd');
    await ui.waitForText('✓ D1');
    expect(ui.frame()).toContain('› ○ D2');
    ui.press('s');
    await ui.waitForText('Why skip this step?');
    ui.press('logs are not shipped from web1', keys.enter);
    const frame = await ui.waitForText('⊘ D2');
    expect(frame).toContain('› ○ M1');
    const skipped = opened[0]?.events.find((e) => e.type === 'step-skipped');
    expect(skipped).toMatchObject({ stepId: 'diagnosis-2', reason: 'logs are not shipped from web1' });
    ui.press('d');
    await ui.waitForText('Every other step is done or skipped.');
  });

  it('lists every workspace key in ? within a 24-row terminal', async () => {
    const { ui } = await open();
    ui.press('?');
    const help = await ui.waitForText('Keys (? or esc closes this help)');
    for (const entry of helpEntries(['workspace'])) {
      expect(help).toContain(`${entry.label.padEnd(7)} ${entry.help.slice(0, 24)}`);
    }
    expect(help.split('\n').length).toBeLessThanOrEqual(24);
  });
});
