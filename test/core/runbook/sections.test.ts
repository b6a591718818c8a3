import { describe, expect, it } from 'vitest';
import { isBareSectionName, sectionOf } from '../../../src/core/runbook/sections.js';

describe('sectionOf', () => {
  it('reads the words teams use for each section', () => {
    const headings = {
      'What it means': 'meaning',
      Summary: 'meaning',
      Consequences: 'impact',
      Troubleshooting: 'diagnosis',
      'Possible causes': 'diagnosis',
      Investigation: 'diagnosis',
      'Remediation steps': 'mitigation',
      'Steps to fix': 'mitigation',
      Resolution: 'mitigation',
    };
    for (const [heading, kind] of Object.entries(headings)) expect(sectionOf(heading), heading).toBe(kind);
  });

  it('leaves other headings and long sentences alone', () => {
    expect(sectionOf('Immediate')).toBeUndefined();
    expect(sectionOf('Check the disk before you try to fix anything')).toBeUndefined();
  });

  it('tells a bare section name from a sub-heading that contains one', () => {
    expect(isBareSectionName('Mitigation')).toBe(true);
    expect(isBareSectionName('Restart the stuck consumers first')).toBe(false);
  });
});
