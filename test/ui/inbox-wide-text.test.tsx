// Group names, alert names and labels in CJK and emoji keep the inbox's columns in place: every
// row's AGE starts at the same terminal cell, and no wide character is cut in half.
// The inbox cuts and pads through the project's one helper (src/core/sanitize.ts cutText), which
// counts terminal cells.
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import { testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices } from '../helpers/fake-session.js';
import { renderUi, type Rendered } from '../helpers/render.js';

const now = () => Date.parse('2026-11-26T03:10:00Z');
const startsAt = '2026-11-26T03:05:00Z';
const alerts = [
  testAlert({ alertname: 'PlainAscii', host: 'web1', severity: 'critical' }, { startsAt }),
  testAlert(
    { alertname: '主机-東京-磁盘已满-主机-東京-磁盘已满-主机-東京', host: '東京', severity: 'critical' },
    { startsAt },
  ),
  testAlert({ alertname: 'Disk🔥Full👩‍💻', host: '🔥🔥', severity: 'warning' }, { startsAt }),
  testAlert({ alertname: 'グループ', host: 'ａ', severity: 'info' }, { startsAt }),
  testAlert({ alertname: 'グループ', host: 'ｂ', severity: 'info' }, { startsAt }),
];

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

/** The terminal cell at which `needle` starts in `line`. */
const cellOf = (line: string, needle: string) => stringWidth(line.slice(0, line.indexOf(needle)));

describe('inbox columns with wide characters', () => {
  it('starts every row’s AGE at the same cell and cuts names between characters', async () => {
    ui = renderUi(<App services={{ ...fakeServices(fakeFeed(alerts)).services, now }} />);
    await ui.waitForText('PlainAscii');
    ui.press('G', ' ');
    const frame = await ui.waitForText('host=ｂ');
    const rows = frame.split('\n').filter((line) => line.includes('5 min'));
    expect(rows).toHaveLength(6);
    const columns = rows.map((line) => cellOf(line, '5 min'));
    expect(new Set(columns).size).toBe(1);
    expect(frame).toContain('主机-東京');
    expect(frame).toContain('…');
    expect(frame).not.toContain('\ufffd');
  });
});
