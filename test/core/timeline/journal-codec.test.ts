import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../src/core/timeline/events.js';
import { encodeEvent, parseJournal } from '../../../src/core/timeline/journal-codec.js';
import { sampleEvents } from './sample-events.js';

const journal = (events: readonly TimelineEvent[]) => events.map((e) => `${encodeEvent(e)}\n`).join('');

describe('encodeEvent', () => {
  it('writes one line that starts with the schema version, then the time and type', () => {
    const line = encodeEvent({ type: 'note-added', text: 'a\nb', at: '2026-11-23T14:03:10.000Z' });
    expect(line).toBe('{"v":1,"at":"2026-11-23T14:03:10.000Z","type":"note-added","text":"a\\nb"}');
  });

  it('writes NaN and infinities as Prometheus spells them, and reads them back', () => {
    const event: TimelineEvent = {
      at: '2026-11-23T14:02:00.000Z',
      type: 'probe-run',
      probes: [
        {
          title: 'x',
          query: 'up',
          ranAt: '2026-11-23T14:02:00.000Z',
          verdict: 'ok',
          crit: { op: '>', value: Infinity },
          series: [
            { labels: {}, value: NaN },
            { labels: {}, value: Infinity },
            { labels: {}, value: -Infinity },
          ],
          range: { stepSeconds: 15, series: [{ labels: {}, points: [[1, NaN]] }] },
        },
      ],
    };
    const line = encodeEvent(event);
    expect(line).toContain('"value":"NaN"},{"labels":{},"value":"+Inf"},{"labels":{},"value":"-Inf"}');
    expect(line).toContain('"points":[[1,"NaN"]]');
    expect(line).toContain('"crit":{"op":">","value":"+Inf"}');
    expect(parseJournal(`${line}\n`).events).toEqual([event]);
  });

  it('refuses an event that could not be read back (a bug), instead of writing it', () => {
    const bad = { at: 'yesterday', type: 'note-added', text: 'x' } as TimelineEvent;
    expect(() => encodeEvent(bad)).toThrow('note-added.at: expected an ISO time');
    const nanStep = {
      at: '2026-11-23T14:02:00.000Z',
      type: 'probe-run',
      probes: [
        {
          title: 't',
          query: 'q',
          ranAt: '2026-11-23T14:02:00.000Z',
          verdict: 'ok',
          series: [],
          range: { stepSeconds: NaN, series: [] },
        },
      ],
    } as TimelineEvent;
    expect(() => encodeEvent(nanStep)).toThrow('probe-run.probes[0].range.stepSeconds: expected a number');
  });
});

describe('parseJournal', () => {
  it('reads back every event of a journal, in order', () => {
    const parsed = parseJournal(journal(sampleEvents));
    expect(parsed.events).toEqual(sampleEvents);
    expect(parsed).toMatchObject({ rejected: [], tornTail: undefined, duplicates: 0, warnings: [] });
  });

  it('sets aside a torn last line with a warning and keeps everything before it', () => {
    const whole = journal(sampleEvents.slice(0, 3));
    const torn = encodeEvent(sampleEvents[3] as TimelineEvent).slice(0, 40);
    const parsed = parseJournal(whole + torn);
    expect(parsed.events).toEqual(sampleEvents.slice(0, 3));
    expect(parsed.tornTail).toBe(torn);
    expect(parsed.warnings).toEqual(['line 4: set aside an unfinished last line (not valid JSON)']);
  });

  it('keeps a last event that is whole but lacks only its newline', () => {
    const text = journal(sampleEvents.slice(0, 2)).slice(0, -1);
    const parsed = parseJournal(text);
    expect(parsed.events).toEqual(sampleEvents.slice(0, 2));
    expect(parsed.tornTail).toBeUndefined();
  });

  it('recovers a whole event written right behind a torn fragment on the same line', () => {
    const fragment = encodeEvent(sampleEvents[2] as TimelineEvent).slice(0, 100);
    const text = `${encodeEvent(sampleEvents[0] as TimelineEvent)}\n${fragment}${encodeEvent(sampleEvents[1] as TimelineEvent)}\n`;
    const parsed = parseJournal(text);
    expect(parsed.events).toEqual(sampleEvents.slice(0, 2));
    expect(parsed.rejected).toEqual([{ line: 2, text: fragment, reason: 'not valid JSON' }]);
  });

  it('sets aside lines it cannot read anywhere in the file, and says why', () => {
    const [a, b] = sampleEvents.map((e) => encodeEvent(e));
    const text = [
      a,
      'garbage',
      '{"v":1,"at":"2026-11-23T14:00:00Z","type":"note-added"}',
      '{"v":7,"at":"2026-11-23T14:00:00Z","type":"from-the-future"}',
      '{"at":"2026-11-23T14:00:00Z","type":"note-added","text":"no version"}',
      '   ',
      '\u0000\u0000\u0000',
      b,
      '',
    ].join('\n');
    const parsed = parseJournal(text);
    expect(parsed.events).toEqual(sampleEvents.slice(0, 2));
    expect(parsed.warnings).toEqual([
      'line 2: set aside a line it could not read (not valid JSON)',
      'line 3: set aside a line it could not read (note-added.text: expected a string)',
      'line 4: set aside a line it could not read (written by a newer sitrep (schema 7; this one reads 1))',
      'line 5: set aside a line it could not read (no schema version)',
      'line 7: set aside a line it could not read (not valid JSON)',
    ]);
  });

  it('skips a line written twice by a retried write', () => {
    const line = encodeEvent(sampleEvents[0] as TimelineEvent);
    const parsed = parseJournal(`${line}\n${line}\n`);
    expect(parsed.events).toHaveLength(1);
    expect(parsed.duplicates).toBe(1);
    expect(parsed.warnings).toEqual(['skipped 1 duplicate line(s) left by a retried write']);
  });

  it('is not fooled by a label named v inside an event', () => {
    const event: TimelineEvent = {
      at: '2026-11-23T14:06:00.000Z',
      type: 'alert-firing',
      alert: { fingerprint: 'f', labels: { v: '1', w: '{"v":2' }, startsAt: '2026-11-23T14:05:00.000Z' },
    };
    expect(parseJournal(`${encodeEvent(event)}\n`).events).toEqual([event]);
  });

  it('round-trips notes with any text, and never loses a whole line to a torn tail', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (texts, cut) => {
          const events: TimelineEvent[] = texts.map((text, i) => ({
            at: new Date(Date.UTC(2026, 10, 23, 14, 0, i)).toISOString(),
            type: 'note-added',
            text,
          }));
          const text = journal(events);
          expect(parseJournal(text).events).toEqual(events);
          // Cut the text anywhere: every line that ended before the cut is still read.
          const at = cut % (text.length + 1);
          const whole = text.slice(0, at).split('\n').length - 1;
          const parsed = parseJournal(text.slice(0, at));
          expect(parsed.events.slice(0, whole)).toEqual(events.slice(0, whole));
          expect(parsed.events.length - whole).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('parseJournal on long journals (issue #15)', () => {
  // A few times, some shared by different events, so copies and look-alikes both occur.
  const times = ['2026-11-23T14:00:00.000Z', '2026-11-23T14:00:01.000Z', '2026-11-23T13:59:00.000Z'];
  const note = fc
    .tuple(
      fc.constantFrom(...times),
      fc.constantFrom('a', 'b', 'c'),
      fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
    )
    .map(([at, text, author]): TimelineEvent =>
      author === undefined ? { at, type: 'note-added', text } : { at, type: 'note-added', text, author },
    );
  const line = fc.oneof(
    { weight: 6, arbitrary: note.map(encodeEvent) },
    { weight: 1, arbitrary: fc.constantFrom(...sampleEvents.map(encodeEvent)) },
    // Notes with a field of the wrong kind: set aside with the reason the field readers give.
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{"v":1,"at":"not a time","type":"note-added","text":"t"}',
        '{"v":1,"at":"2026-11-23T14:00:00.000Z","type":"note-added","text":5}',
        '{"v":1,"at":"2026-11-23T14:00:00.000Z","type":"note-added","text":"t","author":7}',
        '{"v":1,"at":"2026-11-23T14:00:00.000Z","type":"note-added","text":"t","author":null}',
      ),
    },
  );

  it('keeps the first of each line written twice, wherever the copy is, and reads notes as the field readers do', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const parsed = parseJournal(lines.map((l) => `${l}\n`).join(''));
        // The yardstick: every line read on its own, then copies of a line read before dropped.
        const seen = new Set<string>();
        const expected: TimelineEvent[] = [];
        let duplicates = 0;
        const reasons: string[] = [];
        for (const l of lines) {
          const alone = parseJournal(`${l}\n`);
          reasons.push(...alone.rejected.map((r) => r.reason));
          if (alone.events.length === 0) continue;
          if (seen.has(l)) duplicates += 1;
          else {
            seen.add(l);
            expected.push(...alone.events);
          }
        }
        expect(parsed.events).toEqual(expected);
        expect(JSON.stringify(parsed.events)).toBe(JSON.stringify(expected));
        expect(parsed.duplicates).toBe(duplicates);
        expect(parsed.rejected.map((r) => r.reason)).toEqual(reasons);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a note as the field readers do: a null author is no author, a wrong field is named', () => {
    const parsed = parseJournal(
      [
        '{"v":1,"at":"not a time","type":"note-added","text":"t"}',
        '{"v":1,"at":"2026-11-23T14:00:00.000Z","type":"note-added","text":5}',
        '{"v":1,"at":"2026-11-23T14:00:00.000Z","type":"note-added","text":"t","author":7}',
        '{"v":1,"at":"2026-11-23T14:00:00.000Z","type":"note-added","text":"t","author":null}',
        '{"v":1,"at":"2026-11-23T14:00:01.000Z","type":"note-added","text":"u","author":"al"}',
        '',
      ].join('\n'),
    );
    expect(parsed.rejected.map((r) => r.reason)).toEqual([
      'note-added.at: expected an ISO time',
      'note-added.text: expected a string',
      'note-added.author: expected a string',
    ]);
    expect(JSON.stringify(parsed.events)).toBe(
      JSON.stringify([
        { at: '2026-11-23T14:00:00.000Z', type: 'note-added', text: 't' },
        { at: '2026-11-23T14:00:01.000Z', type: 'note-added', text: 'u', author: 'al' },
      ]),
    );
  });
});
