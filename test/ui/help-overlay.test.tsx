// The `?` help at 80×24, the smallest terminal sitrep promises to fit: every key of the screen is
// in the frame (in two columns when one does not fit), the terminal keys too.
import { afterEach, describe, expect, it } from 'vitest';
import { cellWidth } from '../../src/core/format/cells.js';
import { helpColumns } from '../../src/ui/components/help-columns.js';
import { App } from '../../src/ui/app.js';
import { bindingsFor, helpEntries, type KeyScope } from '../../src/ui/keymap.js';
import { testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices } from '../helpers/fake-session.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

const alerts = [
  testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' }),
];

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

/** Asserts that every key of these scopes is in the frame: its label and the start of its help. */
function expectEveryKey(frame: string, scopes: readonly KeyScope[]) {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(24);
  for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(80);
  const entries = helpEntries(scopes);
  for (const entry of entries) {
    const start = entry.help.slice(0, 20);
    expect(
      lines.some((line) => new RegExp(`(^|\\s)${escape(entry.label)}\\s+${escape(start)}`).test(line)),
      `${entry.label} ${entry.help}`,
    ).toBe(true);
  }
  // Every binding is on one of those lines (some share one: J/K, y/c/Y).
  for (const binding of bindingsFor(scopes)) {
    expect(entries.some((entry) => entry.actions.includes(binding.action))).toBe(true);
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('the ? help at 80×24', () => {
  it('lists every inbox key', async () => {
    const { services } = fakeServices(fakeFeed(alerts));
    ui = renderUi(<App services={services} />, { columns: 80 });
    await ui.waitForText('HaproxyServerConnectionErrors');
    ui.press('?');
    const frame = await ui.waitForText('Keys (? or esc closes this help)');
    expectEveryKey(frame, ['inbox', 'list', 'global', 'terminal']);
  });

  it('lists every incident key, in two columns', async () => {
    const { services } = fakeServices(fakeFeed(alerts));
    ui = renderUi(<App services={services} />, { columns: 80 });
    await ui.waitForText('HaproxyServerConnectionErrors');
    ui.press(keys.enter);
    await ui.waitForText('Meaning:');
    ui.press('?');
    const frame = await ui.waitForText('Keys (? or esc closes this help)');
    expectEveryKey(frame, ['workspace', 'list', 'global', 'terminal']);
    // Two columns side by side: the incident keys on the left, the others on the right.
    expect(frame).toMatch(/Incident.*\s{2,}(Incident \(continued\)|Lists|Everywhere|Terminal)/);
    ui.press(keys.escape);
    await ui.waitForText('Meaning:');
  });
});

describe('helpColumns', () => {
  const section = (title: string, count: number) => ({
    title,
    keys: Array.from({ length: count }, (_, i) => ({ label: `${i}`, help: `${title} key ${i}` })),
  });

  it('keeps one column when everything fits', () => {
    const { columns, hidden } = helpColumns([section('A', 3), section('B', 2)], 20, 2);
    expect(columns).toHaveLength(1);
    expect(columns[0]?.map((l) => l.kind)).toEqual([
      'title',
      'key',
      'key',
      'key',
      'gap',
      'title',
      'key',
      'key',
    ]);
    expect(hidden).toBe(0);
  });

  it('continues a long section in the next column under its title again', () => {
    const { columns, hidden } = helpColumns([section('A', 8)], 5, 3);
    expect(columns.map((c) => c[0])).toEqual([
      { kind: 'title', text: 'A' },
      { kind: 'title', text: 'A (continued)' },
    ]);
    expect(columns.flat().filter((l) => l.kind === 'key')).toHaveLength(8);
    expect(hidden).toBe(0);
  });

  it('counts the keys that do not fit a terminal too small for them', () => {
    const { columns, hidden } = helpColumns([section('A', 10), section('B', 10)], 6, 2);
    expect(columns).toHaveLength(2);
    expect(hidden).toBe(20 - 10);
  });
});
