import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import type { TimelineEvent } from '../../../src/core/timeline/events.js';
import { encodeEvent, parseJournal } from '../../../src/core/timeline/journal-codec.js';
import { sampleEvents } from '../timeline/sample-events.js';

const berlin = { name: 'Europe/Berlin', offsetMinutes: 60 };

/** The sections left for the team, and the rule before the footer: the same in every export. */
const teamSections = [
  '## Root cause',
  '',
  '_To be filled in by the team._',
  '',
  '## Action items',
  '',
  '_To be filled in by the team._',
  '',
  '## Lessons learned',
  '',
  '_To be filled in by the team._',
  '',
  '---',
  '',
];

const expected = [
  '# Postmortem: HaproxyServerConnectionErrors',
  '',
  '- **Incident:** `2026-11-23-HaproxyServerConnectionErrors-3f2a`',
  '- **Status:** closed',
  '- **Severity:** critical',
  '- **Duration:** 11 min 35 s (alert firing 2026-11-23 14:00:55 UTC → resolved 2026-11-23 14:12:30 UTC)',
  '- **Runbook:** HAProxy server connection errors (file `runbooks/haproxy/server-connection-errors.md`, sha256:0123456789ab)',
  '',
  '## Summary',
  '',
  'Server web1 refused connections for 11 minutes.',
  '',
  '## Detection',
  '',
  '- **Alert:** HaproxyServerConnectionErrors (critical), 2 alerts: `{server="web1"}`, `{server="web2"}`',
  '- **Started firing:** 2026-11-23 14:00:55 UTC',
  '- **Opened in sitrep:** 2026-11-23 14:01:20 UTC',
  '- **Time to acknowledge:** 25 s',
  '',
  '### Detection lag',
  '',
  'From the alert expression `sum by (server) (rate(haproxy_server_connection_errors_total[1m]))` compared with `> 100`, sampled every 10 s, so a crossing is known only to lie between two samples (UTC):',
  '',
  '| Series | Started rising | Crossed threshold | Alert firing | Rising → firing | Crossed → firing | Firing → opened |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  '| `{server="web1"}` | 2026-11-23 14:00:20 | between 2026-11-23 14:00:30 and 14:00:40 | 2026-11-23 14:00:55 | 35 s to 45 s | 15 s to 25 s | 25 s |',
  '',
  'The alert fired 35 s to 45 s after `{server="web1"}` started rising and 15 s to 25 s after it crossed `> 100` (between 2026-11-23 14:00:30 and 14:00:40 UTC); the incident was opened 25 s after the alert fired.',
  '',
  '## Impact',
  '',
  'Requests routed to the failing server get 503 errors.',
  '',
  '## Timeline',
  '',
  '| Time (UTC) | Time (Europe/Berlin, UTC+01:00) | Event |',
  '| --- | --- | --- |',
  '| 2026-11-23 14:00:55 | 2026-11-23 15:00:55 | Alert `{server="web1"}` started firing |',
  '| 2026-11-23 14:01:00 | 2026-11-23 15:01:00 | Alert `{server="web2"}` started firing |',
  '| 2026-11-23 14:01:20 | 2026-11-23 15:01:20 | Incident opened in sitrep: HaproxyServerConnectionErrors |',
  '| 2026-11-23 14:01:21 | 2026-11-23 15:01:21 | Runbook opened: HAProxy server connection errors |',
  '| 2026-11-23 14:02:00 | 2026-11-23 15:02:00 | Probes for “Check the connection error rate per server”: Connection errors by server (critical) |',
  '| 2026-11-23 14:02:05 | 2026-11-23 15:02:05 | Probes for the alert expression: Alert expression (critical) |',
  '| 2026-11-23 14:02:30 | 2026-11-23 15:02:30 | Done: Check the connection error rate per server |',
  '| 2026-11-23 14:03:00 | 2026-11-23 15:03:00 | Skipped: Check whether the backend servers are up (the dashboard shows it) |',
  '| 2026-11-23 14:03:10 | 2026-11-23 15:03:10 | Note: web1 refuses connections. Checked the listener on the host. |',
  '| 2026-11-23 14:04:00 | 2026-11-23 15:04:00 | Silence a1b2c3 created until 2026-11-23 15:04:00 UTC |',
  '| 2026-11-23 14:05:00 | 2026-11-23 15:05:00 | Done: Drain the failing server |',
  '| 2026-11-23 14:06:00 | 2026-11-23 15:06:00 | Skipped: Restart the backend |',
  '| 2026-11-23 14:10:00 | 2026-11-23 15:10:00 | Summary updated |',
  '| 2026-11-23 14:12:00 | 2026-11-23 15:12:00 | Alert `{server="web1"}` resolved |',
  '| 2026-11-23 14:12:30 | 2026-11-23 15:12:30 | Incident resolved |',
  '| 2026-11-23 14:13:00 | 2026-11-23 15:13:00 | Silence a1b2c3 expired |',
  '| 2026-11-23 14:20:00 | 2026-11-23 15:20:00 | Incident closed |',
  '',
  '## Diagnosis',
  '',
  '### 1. Check the connection error rate per server',
  '',
  'Done at 2026-11-23 14:02:30 UTC.',
  '',
  '**Connection errors by server**: critical (critical `> 100`, warning `> 10`), ran 2026-11-23 14:02:00 UTC',
  '',
  'Query: `sum by (server) (rate(haproxy_server_connection_errors_total{backend="app"}[1m]))`',
  '',
  '| Series | Value | Verdict |',
  '| --- | --- | --- |',
  '| `{server="web1"}` | 150 errors/s | critical |',
  '| `{server="web2"}` | 12.3 errors/s | warn |',
  '| `{server="web3"}` | NaN | no data |',
  '',
  '### 2. Check whether the backend servers are up',
  '',
  'Skipped at 2026-11-23 14:03:00 UTC: the dashboard shows it.',
  '',
  '## Mitigation',
  '',
  '### Immediate',
  '',
  '- [x] Drain the failing server (done at 2026-11-23 14:05:00 UTC)',
  '- [ ] ~~Restart the backend~~ (skipped at 2026-11-23 14:06:00 UTC)',
  '',
  '### Follow-up',
  '',
  '- [ ] Open a ticket for the backend team (not done)',
  '',
  '## Silences',
  '',
  '| ID | Matchers | Comment | Author | Created | Ends | Expired |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  '| a1b2c3 | `{alertname="HaproxyServerConnectionErrors", server=~"web.*"}` | Working on it | alice | 2026-11-23 14:04:00 UTC | 2026-11-23 15:04:00 UTC | 2026-11-23 14:13:00 UTC |',
  '',
  '## Notes',
  '',
  '- **2026-11-23 14:03:10 UTC** (alice): web1 refuses connections.  ',
  '  Checked the listener on the host.',
  '',
  ...teamSections,
  '_Generated by sitrep from the journal of incident `2026-11-23-HaproxyServerConnectionErrors-3f2a` (15 events)._',
  '',
].join('\n');

describe('exportMarkdown', () => {
  it('writes the postmortem in the usual shape, every section filled from the journal', () => {
    expect(exportMarkdown(sampleEvents, { zone: berlin })).toBe(expected);
  });

  it('is the same bytes for the same journal, however often it is read and exported', () => {
    const text = sampleEvents.map((e) => `${encodeEvent(e)}\n`).join('');
    const reread = parseJournal(text).events;
    expect(exportMarkdown(reread, { zone: berlin })).toBe(expected);
    expect(exportMarkdown(parseJournal(text).events, { zone: berlin })).toBe(
      exportMarkdown(reread, { zone: berlin }),
    );
  });

  it('shows an incident just opened, without a runbook, and says what is not known yet', () => {
    const { summary: _summary, ...opened } = sampleEvents[0] as TimelineEvent & { type: 'incident-opened' };
    const events: TimelineEvent[] = [{ ...opened, alerts: opened.alerts.slice(0, 1) }];
    const markdown = exportMarkdown(events, { zone: { name: 'UTC', offsetMinutes: 0 } });
    expect(markdown).toBe(
      [
        '# Postmortem: HaproxyServerConnectionErrors',
        '',
        '- **Incident:** `2026-11-23-HaproxyServerConnectionErrors-3f2a`',
        '- **Status:** open',
        '- **Severity:** critical',
        '- **Duration:** ongoing (firing since 2026-11-23 14:00:55 UTC)',
        '',
        '## Summary',
        '',
        '_Not written yet._',
        '',
        '## Detection',
        '',
        '- **Alert:** HaproxyServerConnectionErrors (critical), 1 alert: `{backend="app", server="web1"}`',
        '- **Started firing:** 2026-11-23 14:00:55 UTC',
        '- **Opened in sitrep:** 2026-11-23 14:01:20 UTC',
        '- **Time to acknowledge:** 25 s',
        '',
        '_Detection lag unknown: the alert expression was not queried over time._',
        '',
        '## Impact',
        '',
        '_Not assessed yet._',
        '',
        '## Timeline',
        '',
        '| Time (UTC) | Time (UTC+00:00) | Event |',
        '| --- | --- | --- |',
        '| 2026-11-23 14:00:55 | 2026-11-23 14:00:55 | Alert `{backend="app", server="web1"}` started firing |',
        '| 2026-11-23 14:01:20 | 2026-11-23 14:01:20 | Incident opened in sitrep: HaproxyServerConnectionErrors |',
        '',
        '## Diagnosis',
        '',
        '_No diagnosis steps were recorded._',
        '',
        '## Mitigation',
        '',
        '_No mitigation steps were recorded._',
        '',
        '## Silences',
        '',
        '_No silences were created._',
        '',
        '## Notes',
        '',
        '_No notes were recorded._',
        '',
        ...teamSections,
        '_Generated by sitrep from the journal of incident `2026-11-23-HaproxyServerConnectionErrors-3f2a` (1 event)._',
        '',
      ].join('\n'),
    );
  });

  it('refuses events without an incident-opened event', () => {
    expect(() => exportMarkdown([], { zone: berlin })).toThrow('no incident-opened event');
  });
});
