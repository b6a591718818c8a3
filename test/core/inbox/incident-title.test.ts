// The title an open incident is listed under in the inbox: its alerts' labels in parentheses, only
// when there are any.
import { describe, expect, it } from 'vitest';
import { incidentListTitle } from '../../../src/core/inbox/incident-title.js';

const labels = (extra: Record<string, string>) => ({ alertname: 'FileGen', severity: 'warning', ...extra });

describe('incidentListTitle', () => {
  it("adds the first alert's own labels and how many more alerts", () => {
    expect(incidentListTitle('FileGen', [{ labels: labels({ server: 'web1' }) }])).toBe(
      'FileGen (server=web1)',
    );
    expect(
      incidentListTitle('FileGen', [{ labels: labels({ server: 'web1' }) }, { labels: labels({}) }]),
    ).toBe('FileGen (server=web1 +1)');
  });
  it('leaves out empty parentheses when the alert has no labels besides alertname and severity', () => {
    expect(incidentListTitle('FileGen', [{ labels: labels({}) }])).toBe('FileGen');
    expect(incidentListTitle('FileGen', [])).toBe('FileGen');
    expect(incidentListTitle('FileGen', [{ labels: labels({}) }, { labels: labels({}) }])).toBe(
      'FileGen (+1)',
    );
  });
  it('titles an incident of an empty alertname `-`, as sitrep alerts does', () => {
    expect(incidentListTitle('', [{ labels: { alertname: '', instance: 'db1' } }])).toBe('- (instance=db1)');
  });
});
