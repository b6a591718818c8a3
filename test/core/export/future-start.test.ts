// An alert whose start Alertmanager puts in the future (posted with only endsAt, it sets startsAt
// by its own clock): every place of the export shows the server's start as it is, says it is in
// the future by the server's clock, and works out no duration from it; none clamps it to the time
// sitrep opened the incident while another shows the server's time.
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import type { TimelineEvent } from '../../../src/core/timeline/events.js';
import { sampleEvents } from '../timeline/sample-events.js';

const future = '2026-11-23T22:14:48.000Z';
const utc = { zone: { name: 'UTC', offsetMinutes: 0 } };

/** The sample incident (opened 14:01:20) with its one alert starting at 22:14:48, still firing. */
function withFutureStart(): TimelineEvent[] {
  const opened = sampleEvents[0] as TimelineEvent & { type: 'incident-opened' };
  const first = opened.alerts[0]!;
  return [
    { ...opened, alerts: [{ ...first, startsAt: future }] },
    ...sampleEvents
      .slice(1)
      .filter((e) => !['alert-resolved', 'incident-resolved', 'incident-closed'].includes(e.type)),
  ];
}

describe('an alert start in the future in the export', () => {
  const markdown = exportMarkdown(withFutureStart(), utc);
  const line = (start: string) => markdown.split('\n').find((l) => l.startsWith(start)) ?? '';

  it("shows the server's start everywhere, marked as in the future by the server's clock", () => {
    const note = "in the future, by the server's clock";
    expect(line('- **Started firing:**')).toBe(
      `- **Started firing:** 2026-11-23 22:14:48 UTC (${note}; sitrep opened the incident at 2026-11-23 14:01:20 UTC)`,
    );
    expect(line('- **Duration:**')).toBe(
      `- **Duration:** ongoing (starts at 2026-11-23 22:14:48 UTC, ${note})`,
    );
    expect(line('| 2026-11-23 22:14:48 |')).toContain(`started firing (${note})`);
    expect(line('- **Alert time:**')).toBe(
      `- **Alert time:** still firing (starts at 2026-11-23 22:14:48 UTC, ${note})`,
    );
    // No place says the alert started when sitrep opened the incident.
    expect(markdown).not.toMatch(/(firing since|Started firing:\*\*) 2026-11-23 14:01:20/);
  });

  it('works out no duration from it', () => {
    expect(line('- **Time to acknowledge:**')).toBe(
      "- **Time to acknowledge:** unknown (the alert's start is in the future, by the server's clock)",
    );
  });
});
