import { describe, expect, it } from 'vitest';
import { silenceMatchersFor } from '../../../src/core/alerts/silence-matchers.js';
import { testAlert } from '../../helpers/alerts.js';

describe('silenceMatchersFor', () => {
  it('matches every label of a single alert', () => {
    const alert = testAlert({ alertname: 'A', server: 'web1', severity: 'critical' });
    expect(silenceMatchersFor([alert])).toEqual([
      { name: 'alertname', op: '=', value: 'A' },
      { name: 'server', op: '=', value: 'web1' },
      { name: 'severity', op: '=', value: 'critical' },
    ]);
  });

  it('keeps only the labels a group shares', () => {
    const alerts = [
      testAlert({ alertname: 'A', server: 'web1', severity: 'critical' }),
      testAlert({ alertname: 'A', server: 'web2', severity: 'critical', extra: 'x' }),
    ];
    expect(silenceMatchersFor(alerts).map((m) => m.name)).toEqual(['alertname', 'severity']);
  });

  it('is empty for no alerts', () => {
    expect(silenceMatchersFor([])).toEqual([]);
  });
});
