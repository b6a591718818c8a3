import { describe, expect, it } from 'vitest';
import { groupAlerts, inboxRows, severityCounts } from '../../../src/core/inbox/inbox-rows.js';
import { testAlert } from '../../helpers/alerts.js';

const conn1 = testAlert(
  { alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' },
  { startsAt: '2026-11-26T03:00:10Z' },
);
const conn2 = testAlert(
  { alertname: 'HaproxyServerConnectionErrors', server: 'web2', severity: 'critical' },
  { startsAt: '2026-11-26T03:00:05Z' },
);
const slow = testAlert({ alertname: 'HaproxyHttpSlowingDown', proxy: 'app', severity: 'warning' });
const disk = testAlert(
  { alertname: 'DiskFull', instance: 'db1', severity: 'critical' },
  { startsAt: '2026-11-26T02:00:00Z' },
);

describe('groupAlerts', () => {
  it('groups by alertname, worst severity first, then the oldest', () => {
    const groups = groupAlerts([slow, conn1, disk, conn2]);
    expect(groups.map((g) => [g.name, g.severity, g.alerts.length, g.oldestStart])).toEqual([
      ['DiskFull', 'critical', 1, '2026-11-26T02:00:00Z'],
      ['HaproxyServerConnectionErrors', 'critical', 2, '2026-11-26T03:00:05Z'],
      ['HaproxyHttpSlowingDown', 'warning', 1, '2026-11-26T03:00:00.000Z'],
    ]);
  });
});

describe('inboxRows', () => {
  const groups = groupAlerts([slow, conn1, disk, conn2]);
  const describeRow = (row: ReturnType<typeof inboxRows>[number]) =>
    row.kind === 'group'
      ? `group ${row.group.name}${row.expanded ? ' open' : ''}`
      : `alert ${row.alert.labels.server ?? row.alert.name}`;

  it('folds groups of several alerts into one row and shows single alerts as themselves', () => {
    expect(inboxRows(groups, new Set()).map(describeRow)).toEqual([
      'alert DiskFull',
      'group HaproxyServerConnectionErrors',
      'alert HaproxyHttpSlowingDown',
    ]);
  });

  it('lists an expanded group’s alerts under it, oldest first', () => {
    expect(inboxRows(groups, new Set(['HaproxyServerConnectionErrors'])).map(describeRow)).toEqual([
      'alert DiskFull',
      'group HaproxyServerConnectionErrors open',
      'alert web2',
      'alert web1',
      'alert HaproxyHttpSlowingDown',
    ]);
  });
});

describe('severityCounts', () => {
  it('counts per severity, most severe first', () => {
    expect(severityCounts([slow, conn1, disk, conn2])).toEqual([
      ['critical', 3],
      ['warning', 1],
    ]);
  });
});
