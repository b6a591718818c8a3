import { describe, expect, it } from 'vitest';
import { alertsSection, incidentDurations } from '../../../src/core/export/alerts-section.js';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import { incidentOpenedEvent } from '../../../src/core/timeline/event-builders.js';
import type { TimelineEvent } from '../../../src/core/timeline/events.js';
import { fold } from '../../../src/core/timeline/fold.js';
import { testAlert } from '../../helpers/alerts.js';

const web1 = testAlert(
  { alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' },
  { startsAt: '2026-11-26T04:18:24.000Z' },
);
const web2 = testAlert(
  { alertname: 'HaproxyServerConnectionErrors', server: 'web2', severity: 'critical' },
  { startsAt: '2026-11-26T04:20:00.000Z' },
);
const opened = incidentOpenedEvent({ alerts: [web1], at: '2026-11-26T04:19:00.000Z', entropy: 'x' });
const events: TimelineEvent[] = [
  opened,
  {
    type: 'alert-firing',
    at: '2026-11-26T04:21:00.000Z',
    alert: { fingerprint: web2.fingerprint, labels: web2.labels, startsAt: web2.startsAt },
    addedBy: 'alice',
  },
  {
    type: 'probe-run',
    at: '2026-11-26T04:22:00.000Z',
    alert: web2.fingerprint,
    probes: [],
  },
  {
    type: 'alert-resolved',
    at: '2026-11-26T04:31:10.000Z',
    fingerprint: web1.fingerprint,
    lastSeenAt: '2026-11-26T04:31:00.000Z',
  },
  { type: 'alert-resolved', at: '2026-11-26T04:33:10.000Z', fingerprint: web2.fingerprint },
  { type: 'incident-closed', at: '2026-11-26T04:40:00.000Z' },
];

describe('the Alerts section of the postmortem', () => {
  it('shows each alert firing → resolved, and alert time apart from work time', () => {
    const incident = fold(events);
    if (!incident) throw new Error('no incident');
    expect([...alertsSection(incident)].join('\n')).toContain(
      [
        '| `{server="web1"}` | 2026-11-26 04:18:24 | 2026-11-26 04:31:10 (last seen firing 2026-11-26 04:31:00) |',
        '| `{server="web2"}` | 2026-11-26 04:20:00 | 2026-11-26 04:33:10 |',
      ].join('\n'),
    );
    expect(incidentDurations(incident)).toEqual({
      alertTime: '14 min 46 s (2026-11-26 04:18:24 → 2026-11-26 04:33:10 UTC)',
      workTime: '21 min (opened 2026-11-26 04:19:00 UTC → closed 2026-11-26 04:40:00 UTC)',
    });
  });

  it('says in the timeline who added an alert, and when a resolved one was last seen firing', () => {
    const markdown = exportMarkdown(events, { zone: { name: 'UTC', offsetMinutes: 0 } });
    expect(markdown).toContain('added to the incident by alice, firing (since 2026-11-26 04:20:00 UTC)');
    expect(markdown).toContain('resolved (last seen firing 2026-11-26 04:31:00 UTC)');
  });
});
