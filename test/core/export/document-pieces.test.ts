// The export's document is built and written as pieces (issue #15): joined, they must be exactly
// the text the one-string assembly gave, and the timeline's merge of alert starts into events in
// order must give the order the full sort gives. The yardsticks are the old code, kept here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchedPieces, documentPieces, linesInBlocks } from '../../../src/core/export/document-pieces.js';
import {
  alertStartRow,
  eventRow,
  sortedRows,
  timelineOrder,
  timelineRows,
} from '../../../src/core/export/timeline-rows.js';
import { fold } from '../../../src/core/timeline/fold.js';
import type { AlertRecord, IncidentOpenedEvent, TimelineEvent } from '../../../src/core/timeline/events.js';
import type { Incident } from '../../../src/core/timeline/incident.js';
import { sampleEvents } from '../timeline/sample-events.js';

/** How the Markdown export assembled its text before it was built in pieces. */
const oneString = (pieces: readonly string[]) =>
  `${pieces
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;

describe('documentPieces', () => {
  it('joins to the text of the one-string assembly, for any pieces', () => {
    const piece = fc.string({
      unit: fc.constantFrom('\n', '\n', ' ', '\t', 'a', '—', '\u00a0', '\r'),
      maxLength: 8,
    });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        expect([...documentPieces(pieces)].join('')).toBe(oneString(pieces));
      }),
      { numRuns: 3000 },
    );
  });

  it('passes a long piece through as it is', () => {
    const table = [...linesInBlocks(1000, (i) => `| row ${i} |`)];
    expect(table).toHaveLength(4);
    expect(table.join('\n')).toBe(Array.from({ length: 1000 }, (_, i) => `| row ${i} |`).join('\n'));
    const pieces = ['# T', '', '', '', ...table, '', 'end  ', '', ''];
    const out = [...documentPieces(pieces)];
    expect(out.join('')).toBe(oneString(pieces));
    expect(out).toContain(table[1]);
    expect([...linesInBlocks(0, String)]).toEqual([]);
  });
});

describe('timelineRows', () => {
  const incident = fold(sampleEvents) as Incident;
  const opened = sampleEvents[0] as IncidentOpenedEvent;
  const alert = opened.alerts[0] as AlertRecord;
  /** What timelineRows gave before the merge: every row made, then the full sort. */
  const before = (events: readonly TimelineEvent[]) => {
    const first = events.find((e): e is IncidentOpenedEvent => e.type === 'incident-opened');
    return sortedRows([
      ...(first?.alerts ?? []).map((a) => alertStartRow(incident, a, first?.at ?? '')),
      ...events.map((event) => eventRow(incident, event)),
    ]);
  };
  const times = fc.constantFrom(
    '2026-11-23T13:59:00.000Z',
    '2026-11-23T14:00:00.000Z',
    '2026-11-23T14:00:00Z',
    '2026-11-23T15:00:00+01:00',
    '2026-11-23T14:05:00.000Z',
    '2026-11-23T16:00:00.000Z',
    'not a time',
  );

  it('orders rows as the full sort did: in order, out of order, at equal times, with a bad time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(sampleEvents.length - 1), times), { maxLength: 12 }),
        fc.array(times, { maxLength: 3 }),
        fc.boolean(),
        (picks, starts, sorted) => {
          const alerts = starts.map((startsAt, i) => ({
            ...alert,
            fingerprint: `f${i}`,
            labels: { ...alert.labels, n: String(i) },
            startsAt,
          }));
          const rest = picks.map(([i, at]) => ({ ...(sampleEvents[i] as TimelineEvent), at }));
          // Half the runs with the events in time order (the merge), half as drawn.
          if (sorted) rest.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || 0);
          const events = [{ ...opened, alerts }, ...rest];
          expect(timelineRows(incident, events)).toEqual(before(events));
        },
      ),
      { numRuns: 2000 },
    );
    expect(timelineRows(incident, sampleEvents)).toEqual(before(sampleEvents));
  });

  it('merges as the full sort orders, whenever the journal is in time order (the usual journal)', () => {
    // Only readable times, the events sorted and the incident opened first: every run takes the
    // merge (its rows carry event indices; the full sort's do not), at equal times too.
    const readable = fc.constantFrom(
      '2026-11-23T13:59:00.000Z',
      '2026-11-23T14:00:00.000Z',
      '2026-11-23T14:00:00Z',
      '2026-11-23T15:00:00+01:00',
      '2026-11-23T14:05:00.000Z',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(sampleEvents.length - 1), readable), { maxLength: 12 }),
        fc.array(readable, { maxLength: 3 }),
        (picks, starts) => {
          const alerts = starts.map((startsAt, i) => ({
            ...alert,
            fingerprint: `f${i}`,
            labels: { ...alert.labels, n: String(i) },
            startsAt,
          }));
          const rest = picks
            .map(([i, at]) => ({ ...(sampleEvents[i] as TimelineEvent), at }))
            .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
          const events = [{ ...opened, at: '2026-11-23T13:00:00.000Z', alerts }, ...rest];
          expect(timelineOrder(incident, events).some((row) => typeof row === 'number')).toBe(true);
          expect(timelineRows(incident, events)).toEqual(before(events));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('leaves each event row as its index, in the same order', () => {
    const order = timelineOrder(incident, sampleEvents);
    expect(order.filter((row) => typeof row === 'number')).toEqual(sampleEvents.map((_, i) => i));
    expect(
      order.map((row) =>
        typeof row === 'number' ? eventRow(incident, sampleEvents[row] as TimelineEvent) : row,
      ),
    ).toEqual(before(sampleEvents));
  });
});

describe('batchedPieces', () => {
  it('joins to the pieces joined, every batch but the last at least as long as asked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 })),
        fc.integer({ min: 1, max: 100 }),
        (pieces, length) => {
          const batches = [...batchedPieces(pieces, length)];
          expect(batches.join('')).toBe(pieces.join(''));
          expect(batches.slice(0, -1).every((batch) => batch.length >= length)).toBe(true);
          expect(batches.every((batch) => batch !== '')).toBe(true);
        },
      ),
    );
  });
});
