import { describe, expect, it } from 'vitest';
import { arrangeIncidents, quietAfterMs } from '../../../src/core/inbox/incident-order.js';

const now = Date.parse('2026-11-26T04:00:00Z');
const incident = (id: string, alertsResolvedAt?: string) => ({
  id,
  fingerprints: [`fp-${id}`],
  ...(alertsResolvedAt === undefined ? {} : { alertsResolvedAt }),
});
const nothingFiring = () => false;

describe('arrangeIncidents', () => {
  it('moves incidents resolved more than 15 min ago below the live ones, most recently resolved first', () => {
    const arranged = arrangeIncidents(
      [
        incident('old', '2026-11-26T03:00:00Z'),
        incident('live'),
        incident('older', '2026-11-26T02:00:00Z'),
        incident('recent', '2026-11-26T03:50:00Z'),
        incident('live2'),
      ],
      nothingFiring,
      now,
    );
    expect(arranged.incidents.map((i) => i.id)).toEqual(['live', 'recent', 'live2', 'old', 'older']);
    expect(arranged.live).toBe(3);
    expect([...arranged.resolvedAt]).toEqual([
      ['old', '2026-11-26T03:00:00Z'],
      ['older', '2026-11-26T02:00:00Z'],
      ['recent', '2026-11-26T03:50:00Z'],
    ]);
  });

  it('moves an incident only once it has been quiet for longer than the constant', () => {
    const at = new Date(now - quietAfterMs).toISOString();
    expect(arrangeIncidents([incident('a', at), incident('b')], nothingFiring, now).live).toBe(2);
    expect(arrangeIncidents([incident('a', at), incident('b')], nothingFiring, now + 1).live).toBe(1);
  });

  it('keeps an incident live when the feed shows one of its alerts firing again', () => {
    const arranged = arrangeIncidents(
      [incident('refired', '2026-11-26T03:00:00Z'), incident('live')],
      (fp) => fp === 'fp-refired',
      now,
    );
    expect(arranged.incidents.map((i) => i.id)).toEqual(['refired', 'live']);
    expect(arranged.live).toBe(2);
    expect(arranged.resolvedAt.size).toBe(0);
  });

  it('keeps an incident with an unreadable resolution time live', () => {
    const arranged = arrangeIncidents([incident('odd', 'soon'), incident('live')], nothingFiring, now);
    expect(arranged.incidents.map((i) => i.id)).toEqual(['odd', 'live']);
    expect(arranged.resolvedAt.size).toBe(0);
  });
});
