import { describe, expect, it } from 'vitest';
import { alertTable } from '../../../src/core/alerts/alert-table.js';
import { testAlert } from '../../helpers/alerts.js';

describe('alertTable', () => {
  it('lays out 130,000 alerts without overflowing the stack (issue #11, defect 6)', () => {
    const alerts = Array.from({ length: 130_000 }, (_, i) =>
      testAlert({ alertname: 'PodCrashLooping', severity: 'warning', pod: `pod-${i}` }),
    );
    const nowMs = Date.parse('2026-11-26T03:10:00Z');
    const lines = alertTable(alerts, { nowMs, extended: false }).split('\n');
    expect(lines).toHaveLength(130_001);
    expect(lines.at(-1)).toContain('pod=pod-129999');
    // The widest label column sets the padding of every row.
    expect(lines[1]?.indexOf('pod=')).toBe(lines.at(-1)?.indexOf('pod='));
  });
});
