import { describe, expect, it } from 'vitest';
import { isIncidentId, makeIncidentId } from '../../../src/core/timeline/incident-id.js';

describe('makeIncidentId', () => {
  it('reads as the UTC date, the alert name and a short hash', () => {
    const id = makeIncidentId('HaproxyServerConnectionErrors', '2026-11-23T23:30:00.000Z', 'e1');
    expect(id).toMatch(/^2026-11-23-HaproxyServerConnectionErrors-[0-9a-f]{4}$/);
    expect(isIncidentId(id)).toBe(true);
  });

  it('is a pure function of its arguments, and the entropy changes the hash', () => {
    const a = makeIncidentId('Up', '2026-11-23T10:00:00.000Z', 'one');
    expect(makeIncidentId('Up', '2026-11-23T10:00:00.000Z', 'one')).toBe(a);
    const others = ['two', 'three', 'four', 'five'].map((e) =>
      makeIncidentId('Up', '2026-11-23T10:00:00.000Z', e),
    );
    expect(new Set([a, ...others]).size).toBe(5);
  });

  it('turns any alert name into something safe for a file name', () => {
    expect(makeIncidentId('../../etc/passwd', '2026-01-02T00:00:00Z', 'x')).toMatch(
      /^2026-01-02-etc_passwd-[0-9a-f]{4}$/,
    );
    expect(makeIncidentId('Disk full: /var', '2026-01-02T00:00:00Z', 'x')).toMatch(
      /^2026-01-02-Disk_full_var-[0-9a-f]{4}$/,
    );
    expect(makeIncidentId('!!!', '2026-01-02T00:00:00Z', 'x')).toMatch(/^2026-01-02-incident-[0-9a-f]{4}$/);
  });

  it('names the alert as the screen and export show it: an escape sequence goes whole, not as _31m', () => {
    expect(makeIncidentId('Evil\u001b[31mRed\u001b[0m', '2026-01-02T00:00:00Z', 'x')).toMatch(
      /^2026-01-02-EvilRed-[0-9a-f]{4}$/,
    );
  });
});

describe('isIncidentId', () => {
  it('refuses paths and other text', () => {
    for (const text of [
      '',
      '../x',
      '2026-11-23-A-3f2a/..',
      '2026-11-23-A-3f2a.jsonl',
      'a b',
      '2026-11-23--3f2a',
    ]) {
      expect(isIncidentId(text)).toBe(false);
    }
  });
});
