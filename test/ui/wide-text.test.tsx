// The inbox with alert names and labels in CJK and emoji: its columns are measured in terminal
// cells, so every row's AGE column starts at the same cell, and a long name is cut between
// characters, never through one.
import { afterEach, describe, expect, it } from 'vitest';
import { cellWidth } from '../../src/core/format/cells.js';
import { App } from '../../src/ui/app.js';
import { testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices } from '../helpers/fake-session.js';
import { renderUi, type Rendered } from '../helpers/render.js';

const now = () => Date.parse('2026-11-26T03:10:00Z');
const alerts = [
  testAlert({ alertname: 'DiskFull', host: 'web-1', severity: 'critical' }),
  testAlert({ alertname: '磁盘已满', host: '主机-東京-🚨-01', severity: 'critical' }),
  testAlert({ alertname: '🚨出口エラー', host: '出口', severity: 'critical' }),
  testAlert({ alertname: '東京大阪名古屋札幌福岡'.repeat(4), host: 'x', severity: 'critical' }),
];

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

describe('the inbox with wide characters', () => {
  it('keeps the columns aligned in cells and cuts only between characters', async () => {
    ui = renderUi(<App services={{ ...fakeServices(fakeFeed(alerts)).services, now }} />, { columns: 80 });
    // The first frame can be drawn at the test terminal's 100 columns, before it "resizes" to 80:
    // wait for the one drawn for 80 (a frame that never fits 80 cells times out and fails).
    const fits = (frame: string) => frame.split('\n').every((line) => cellWidth(line) <= 80);
    const frame = await ui.waitForFrame((f) => f.includes('磁盘已满') && fits(f));
    const rows = frame.split('\n').filter((line) => line.includes('10 min'));
    expect(rows).toHaveLength(alerts.length);
    // Where "10 min" (every alert's age) starts, counted in cells.
    const ageCells = rows.map((line) => cellWidth(line.slice(0, line.indexOf('10 min'))));
    expect(new Set(ageCells).size).toBe(1);
    const header = frame.split('\n').find((line) => line.includes('SEVERITY')) ?? '';
    expect(cellWidth(header.slice(0, header.indexOf('AGE')))).toBe(ageCells[0]);
    expect(frame).toMatch(/東京大阪[^\s]*…/);
    expect(frame).not.toMatch(/[\ud800-\udfff]|\ufffd/u);
  });
});
