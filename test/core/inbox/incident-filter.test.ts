// The inbox filter's rule for open incidents: kept when one of their alerts, or their own
// alertname and title, pass the filter.
import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../src/core/alerts/filter.js';
import { filterIncidents } from '../../../src/core/inbox/incident-filter.js';
import { testAlert } from '../../helpers/alerts.js';

const disk = testAlert({ alertname: 'DiskFull', instance: 'db1', severity: 'critical' });
const incidents = [
  { id: 'a', title: 'Disk full on db1', alertname: 'DiskFull', fingerprints: [disk.fingerprint] },
  { id: 'b', title: 'Slow checkout', alertname: 'Latency', fingerprints: ['gone'] },
];
const kept = (text: string) => filterIncidents(incidents, parseFilter(text), [disk]).map((i) => i.id);

describe('filterIncidents', () => {
  it('keeps every incident without a filter', () => {
    expect(kept('')).toEqual(['a', 'b']);
  });
  it("reads a firing alert's labels, and an incident's alertname and title", () => {
    expect(kept('instance=db1')).toEqual(['a']);
    expect(kept('alertname=Latency')).toEqual(['b']);
    expect(kept('CHECKOUT')).toEqual(['b']);
    expect(kept('severity=warning')).toEqual([]);
  });
});
