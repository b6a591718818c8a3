// Expanding and folding every group at once, with the cursor staying on the row it was on.
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import { testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices } from '../helpers/fake-session.js';
import { renderUi, type Rendered } from '../helpers/render.js';

const now = () => Date.parse('2026-11-26T03:10:00Z');
const alerts = [
  testAlert({ alertname: 'DiskFull', instance: 'db1', severity: 'critical' }),
  testAlert({ alertname: 'DiskFull', instance: 'db2', severity: 'critical' }),
  testAlert({ alertname: 'Single', instance: 'x1', severity: 'critical' }),
  testAlert({ alertname: 'Slow', proxy: 'app', severity: 'warning' }),
  testAlert({ alertname: 'Slow', proxy: 'api', severity: 'warning' }),
];

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

const cursorLine = (frame: string) => frame.split('\n').find((line) => line.startsWith('›')) ?? '';
const start = () => {
  ui = renderUi(<App services={{ ...fakeServices(fakeFeed(alerts)).services, now }} />);
  return ui;
};

describe('expand and fold every group', () => {
  it('expands every group on + and folds them all on -, the cursor staying on its group', async () => {
    const ui = start();
    await ui.waitForText('Slow');
    // Down twice: DiskFull (group), Single, Slow (group).
    ui.press('jj');
    await ui.waitForFrame((f) => cursorLine(f).includes('Slow'));
    ui.press('+');
    let frame = await ui.waitForFrame((f) => f.includes('instance=db2') && f.includes('proxy=api'));
    expect(frame).toContain('▾ DiskFull');
    expect(frame).toContain('▾ Slow');
    expect(cursorLine(frame)).toContain('▾ Slow');
    ui.press('-');
    frame = await ui.waitForFrame((f) => !f.includes('instance=db2') && !f.includes('proxy=api'));
    expect(frame).toContain('▸ DiskFull');
    expect(cursorLine(frame)).toContain('▸ Slow');
  });

  it('keeps the cursor on an alert when expanding, and puts it on the alert’s group when folding', async () => {
    const ui = start();
    await ui.waitForText('Slow');
    ui.press('jj', ' ', 'j');
    await ui.waitForFrame((f) => cursorLine(f).includes('proxy=api'));
    ui.press('+');
    let frame = await ui.waitForText('instance=db2');
    expect(cursorLine(frame)).toContain('proxy=api');
    ui.press('-');
    frame = await ui.waitForFrame((f) => !f.includes('instance=db2'));
    expect(cursorLine(frame)).toContain('▸ Slow');
    // A single alert (not in a group) keeps the cursor through both.
    ui.press('k+');
    frame = await ui.waitForText('instance=db2');
    expect(cursorLine(frame)).toContain('Single');
    ui.press('-');
    frame = await ui.waitForFrame((f) => !f.includes('instance=db2'));
    expect(cursorLine(frame)).toContain('Single');
  });

  it('lists both keys in the ? help', async () => {
    const ui = start();
    await ui.waitForText('Slow');
    ui.press('?');
    const help = await ui.waitForText('Keys');
    expect(help).toContain('expand every group');
    expect(help).toContain('fold every group');
  });
});
