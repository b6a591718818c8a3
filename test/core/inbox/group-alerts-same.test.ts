// groupAlerts skips sorting a group whose alerts came in the shared order and parses each start
// once; it must give exactly what sorting every group gave (the function as it was, below).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/core/alerts/alert.js';
import { severityRank, sortAlerts } from '../../../src/core/alerts/order.js';
import { groupAlerts, type AlertGroup } from '../../../src/core/inbox/inbox-rows.js';
import { testAlert } from '../../helpers/alerts.js';

function groupAlertsBefore(alerts: readonly Alert[]): AlertGroup[] {
  const byName = new Map<string, Alert[]>();
  for (const alert of alerts) {
    const list = byName.get(alert.name);
    if (list) list.push(alert);
    else byName.set(alert.name, [alert]);
  }
  const groups = [...byName].map(([name, members]): AlertGroup => {
    const sorted = sortAlerts(members);
    const oldestStart = members.reduce(
      (oldest, a) => (Date.parse(a.startsAt) < Date.parse(oldest) ? a.startsAt : oldest),
      members[0]?.startsAt ?? '',
    );
    return { name, alerts: sorted, severity: sorted[0]?.severity ?? 'none', oldestStart };
  });
  return groups.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      Date.parse(a.oldestStart) - Date.parse(b.oldestStart) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

// Few names, severities and start times, so groups, ties and unreadable starts are common.
const anAlert = fc
  .record({
    name: fc.constantFrom('DiskFull', 'Slow', 'Down', 'Zeta'),
    severity: fc.option(fc.constantFrom('critical', 'warning', 'info', 'bogus'), { nil: undefined }),
    instance: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    extra: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
    startsAt: fc.constantFrom(
      '2026-11-26T03:00:00Z',
      '2026-11-26T03:00:00.000Z',
      '2026-11-26T02:59:00Z',
      '2026-11-26T04:00:00+01:00',
      'not a time',
      '',
    ),
  })
  .map(({ name, severity, instance, extra, startsAt }) =>
    testAlert(
      {
        alertname: name,
        instance,
        ...(severity === undefined ? {} : { severity }),
        ...(extra === undefined ? {} : { extra }),
      },
      { startsAt },
    ),
  );

// What the screen shows of the groups: names, severities, oldest starts, members in order.
const shape = (groups: readonly AlertGroup[]) =>
  groups.map((g) => ({ ...g, alerts: g.alerts.map((a) => `${a.fingerprint} ${a.startsAt}`) }));

describe('groupAlerts', () => {
  it('gives what sorting every group gave, for alerts in any order', () => {
    fc.assert(
      fc.property(fc.array(anAlert, { maxLength: 60 }), (alerts) => {
        expect(shape(groupAlerts(alerts))).toEqual(shape(groupAlertsBefore(alerts)));
      }),
      { numRuns: 500 },
    );
  });

  it('gives what sorting every group gave, for alerts already in the shared order', () => {
    fc.assert(
      fc.property(fc.array(anAlert, { maxLength: 60 }), (alerts) => {
        const sorted = sortAlerts(alerts);
        expect(shape(groupAlerts(sorted))).toEqual(shape(groupAlertsBefore(sorted)));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts a group whose alerts come out of order', () => {
    const late = testAlert(
      { alertname: 'Down', instance: 'a', severity: 'warning' },
      { startsAt: '2026-11-26T03:00:00Z' },
    );
    const early = testAlert(
      { alertname: 'Down', instance: 'b', severity: 'warning' },
      { startsAt: '2026-11-26T02:00:00Z' },
    );
    const worse = testAlert(
      { alertname: 'Down', instance: 'c', severity: 'critical' },
      { startsAt: '2026-11-26T04:00:00Z' },
    );
    const [group] = groupAlerts([late, early, worse]);
    expect(group?.alerts.map((a) => a.labels['instance'])).toEqual(['c', 'b', 'a']);
    expect(group?.severity).toBe('critical');
    expect(group?.oldestStart).toBe('2026-11-26T02:00:00Z');
  });
});
