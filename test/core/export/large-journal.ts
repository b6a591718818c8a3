// A seeded journal of many varied events, for the tests that the export and the journal reader
// give the same bytes on a large incident as they always have: every event type of the sample
// incident, repeated at other times, plus notes with hostile text (escapes, Markdown, secrets,
// several lines) and times written in forms other than sitrep's own (offsets, no milliseconds).
import type { TimelineEvent } from '../../../src/core/timeline/events.js';
import { seededRandom } from '../../helpers/seeded-random.js';
import { sampleEvents } from '../timeline/sample-events.js';

const noteTexts = [
  'benchmark note',
  'Pipe | and `code` <b>bold</b> [x](javascript:alert(1))',
  '# not a heading\n\n- not a list\n1. not numbered',
  '\u001b[31mred\u001b[0m\u001b]0;title\u0007 bell\u0007 and \r\n windows line',
  'https://bob:hunter2@grafana.example.com/d/1?token=s3cr3t&x=1 password: swordfish',
  'Bearer abcdefgh12345678 ghp_abcdefghijklmnopqrstuvwxyz0123',
  'zero\u200bwidth \u202eevil\u202c soft\u00adhyphen \u2028line',
  '  indented   text\twith\ttabs  ',
  'a long note '.repeat(20),
  '',
];

const timeForms = [
  (ms: number) => new Date(ms).toISOString(),
  (ms: number) =>
    new Date(ms)
      .toISOString()
      .replace('.000Z', 'Z')
      .replace(/\.\d{3}Z$/, 'Z'),
  (ms: number) => new Date(ms + 3_600_000).toISOString().replace('Z', '+01:00'),
  (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1999Z'),
];

/**
 * `count` events: the sample incident's first event, then events drawn from the sample incident
 * and from notes, each at a later time written in one of several ISO forms.
 */
export function largeJournal(count: number, seed = 15): TimelineEvent[] {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const [opened, ...rest] = sampleEvents as [TimelineEvent, ...TimelineEvent[]];
  const events: TimelineEvent[] = [opened];
  let ms = Date.parse(opened.at);
  for (let i = 1; i < count; i += 1) {
    ms += Math.floor(next() * 5000);
    const at = pick(timeForms)(ms);
    const roll = next();
    if (roll < 0.7) {
      const text = `${pick(noteTexts)} ${i}`;
      events.push(
        next() < 0.5
          ? { at, type: 'note-added', text }
          : { at, type: 'note-added', text, author: pick(noteTexts) },
      );
    } else {
      events.push({ ...pick(rest), at });
    }
  }
  return events;
}
