// The inbox's `/` filter: the same parts as `sitrep alerts` (matchers and bare words), a broken
// matcher said in words, and an empty result that says what the filter hid.
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import { testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices } from '../helpers/fake-session.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

const now = () => Date.parse('2026-11-26T03:10:00Z');
const alerts = [
  testAlert({ alertname: 'DiskFull', instance: 'db1', severity: 'critical' }),
  testAlert({ alertname: 'ConnErrors', instance: 'web1', severity: 'critical' }),
  testAlert({ alertname: 'Latency', instance: 'web2', severity: 'warning' }),
  testAlert({ alertname: 'Muted', instance: 'web3', severity: 'critical' }, { state: 'silenced' }),
];

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

function start(list = alerts) {
  ui = renderUi(<App services={{ ...fakeServices(fakeFeed(list)).services, now }} />);
  return ui;
}

describe('inbox filter', () => {
  it('takes space-separated matchers, as sitrep alerts does', async () => {
    const ui = start();
    await ui.waitForText('Latency');
    ui.press('/', 'severity=critical instance=~"web.*"', keys.enter);
    const frame = await ui.waitForFrame((f) => !f.includes('DiskFull') && !f.includes('Latency'));
    expect(frame).toContain('ConnErrors');
    expect(frame).toContain('filter: severity=critical instance=~"web.*"');
  });

  it('takes matchers and bare words together; a word is searched in names and label values', async () => {
    const ui = start();
    await ui.waitForText('Latency');
    ui.press('/', 'severity=critical WEB', keys.enter);
    const frame = await ui.waitForFrame((f) => !f.includes('DiskFull'));
    expect(frame).toContain('ConnErrors');
    expect(frame).not.toContain('Latency');
  });

  it('says in words what is wrong with a broken matcher and filters by the rest', async () => {
    const ui = start();
    await ui.waitForText('Latency');
    ui.press('/', 'severity=warning instance=~"web(', keys.enter);
    let frame = await ui.waitForText('unterminated quoted value');
    expect(frame.replace(/\s+/g, ' ')).toContain('left out; filtering by `severity=warning`');
    expect(frame).toContain('Latency');
    expect(frame).not.toContain('DiskFull');
    ui.press('/', '"');
    frame = await ui.waitForText('bad regular expression');
    ui.press(keys.escape);
    frame = await ui.waitForFrame((f) => f.includes('DiskFull') && !f.includes('bad regular expression'));
    expect(frame).toContain('Latency');
  });

  it('says "No alert matches `…` (N firing)" when the filter hides everything', async () => {
    const ui = start();
    await ui.waitForText('Latency');
    ui.press('/', 'severity=critical nosuchthing', keys.enter);
    const frame = await ui.waitForText('No alert matches `severity=critical nosuchthing` (3 firing).');
    expect(frame).not.toContain('No alerts firing');
    // With silenced alerts shown, the count includes them.
    ui.press('s');
    await ui.waitForText('(4 firing).');
  });

  it('says the alerts are muted rather than "No alerts firing." when every alert is silenced', async () => {
    const ui = start([alerts[3]!]);
    const frame = await ui.waitForText('Every alert firing is silenced or inhibited (1); s shows them.');
    expect(frame).not.toContain('No alerts firing');
  });

  it('states the bare-word rule in the ? help', async () => {
    const ui = start();
    await ui.waitForText('Latency');
    ui.press('?');
    const help = await ui.waitForText('Keys');
    // The inbox's keys and the rule are the left column (half of ink-testing-library's 100 columns).
    const left = help
      .split('\n')
      .map((line) => line.slice(0, 49).trim())
      .join(' ');
    expect(left).toContain('a bare word must appear in the name, a label value or the summary');
  });

  it('keeps the screen within 24 rows while it says which parts were left out', async () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      testAlert({ alertname: `Busy${String(i).padStart(2, '0')}`, instance: 'web1', severity: 'critical' }),
    );
    const ui = start(many);
    await ui.waitForText('Busy00');
    ui.press('/', 'web1 instance=~"web(', keys.enter);
    const frame = await ui.waitForText('unterminated quoted value');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    // The footer's key hints are still on screen, under the list.
    expect(frame.split('\n').at(-1)).toMatch(/help/);
  });
});
