// The journal's text format: one JSON object per line, each starting with `{"v":<schema>,`.
// Reading never fails as a whole: a line that is torn, corrupt or from a newer sitrep is set aside
// with a reason, and the rest is read.
import { errorMessage } from '../errors.js';
import { decodeEvent } from './decode-event.js';
import { timelineSchemaVersion, type TimelineEvent } from './events.js';
import { encodeSampleValue, isObject } from './json-fields.js';

/** A journal line that could not be read as an event. */
export interface RejectedLine {
  /** 1-based line number in the journal text. */
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

/** What parseJournal found. */
export interface ParsedJournal {
  readonly events: readonly TimelineEvent[];
  readonly rejected: readonly RejectedLine[];
  /** Text after the last newline that is not a whole event: a write cut short. Also in `rejected`. */
  readonly tornTail: string | undefined;
  /** Lines identical to an earlier one (a write retried after an unclear failure), skipped. */
  readonly duplicates: number;
  /** One sentence per problem, for the user. */
  readonly warnings: readonly string[];
}

// Every line this code writes starts with `{"v":<digit>`. That cannot appear inside a JSON string
// (the quotes would be escaped) nor as another object of the schema (none has a numeric `v`), so
// it marks where a record begins even when a torn fragment sits in front of it on the same line.
const recordStart = /\{"v":\d/g;

/**
 * One event as a journal line, without the newline. The event is validated on the way (a bug that
 * would write an unreadable line throws here instead), and its keys are written in a fixed order.
 */
export function encodeEvent(event: TimelineEvent): string {
  const canonical = decodeEvent(JSON.parse(JSON.stringify(event, sampleReplacer)));
  return JSON.stringify({ v: timelineSchemaVersion, ...canonical }, sampleReplacer);
}

function sampleReplacer(_key: string, value: unknown): unknown {
  // JSON has no NaN or Infinity (stringify would write null); write Prometheus's spelling instead.
  return typeof value === 'number' && !Number.isFinite(value) ? encodeSampleValue(value) : value;
}

/** Reads a journal's text into events, setting aside whatever cannot be read. Pure. */
export function parseJournal(text: string): ParsedJournal {
  const lines = text.split('\n');
  // The text after the last newline was never finished by its writer (or is empty).
  const tail = lines.pop() ?? '';
  const events: TimelineEvent[] = [];
  const rejected: RejectedLine[] = [];
  const warnings: string[] = [];
  const seen = new SeenRecords();
  let duplicates = 0;

  const readLine = (whole: string, line: number): boolean => {
    const first = readRecord(whole);
    // The usual line: one whole record.
    if (typeof first !== 'string') {
      if (seen.add(whole, first.at)) events.push(first);
      else duplicates += 1;
      return true;
    }
    let allRead = true;
    for (const record of splitRecords(whole)) {
      const result = readRecord(record);
      // Only records read are remembered, so one that cannot be read was never seen.
      if (typeof result === 'string') {
        rejected.push({ line, text: record, reason: result });
        allRead = false;
      } else if (seen.add(record, result.at)) {
        events.push(result);
      } else {
        duplicates += 1;
      }
    }
    return allRead;
  };

  for (let index = 0; index < lines.length; index += 1) {
    const whole = (lines[index] ?? '').trim();
    if (whole !== '') readLine(whole, index + 1);
  }
  let tornTail: string | undefined;
  if (tail.trim() !== '' && !readLine(tail.trim(), lines.length + 1)) tornTail = tail;

  for (const r of rejected) {
    const what = r.line > lines.length ? 'an unfinished last line' : 'a line it could not read';
    warnings.push(`line ${r.line}: set aside ${what} (${r.reason})`);
  }
  if (duplicates > 0) warnings.push(`skipped ${duplicates} duplicate line(s) left by a retried write`);
  return { events, rejected, tornTail, duplicates, warnings };
}

/**
 * The records read so far, to skip one written twice (a write retried after an unclear failure):
 * a copy has the same text, so the same time. While each record's time sorts after every earlier
 * one (as a journal is written), none can be a copy and the texts are only kept; the first that
 * does not puts them all in a set, which then answers for the rest.
 */
class SeenRecords {
  private readonly kept: string[] = [];
  private latest = '';
  private set: Set<string> | undefined;

  /** Remembers a record read from `text` with time `at`: false if the same text was seen before. */
  add(text: string, at: string): boolean {
    if (this.set === undefined && (this.kept.length === 0 || at > this.latest)) {
      this.kept.push(text);
      this.latest = at;
      return true;
    }
    this.set ??= new Set(this.kept);
    if (this.set.has(text)) return false;
    this.set.add(text);
    return true;
  }
}

/** A line normally holds one record; after a torn write it may hold a fragment and then a record. */
function splitRecords(line: string): string[] {
  const starts = [...line.matchAll(recordStart)].map((match) => match.index);
  if (starts.length <= 1 && (starts[0] ?? 0) === 0) return [line];
  const pieces = starts[0] === 0 ? [] : [line.slice(0, starts[0])];
  starts.forEach((start, index) => pieces.push(line.slice(start, starts[index + 1])));
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '');
}

function readRecord(record: string): TimelineEvent | string {
  let value: unknown;
  try {
    value = JSON.parse(record);
  } catch {
    return 'not valid JSON';
  }
  if (!isObject(value) || typeof value.v !== 'number') return 'no schema version';
  if (value.v > timelineSchemaVersion) {
    return `written by a newer sitrep (schema ${value.v}; this one reads ${timelineSchemaVersion})`;
  }
  try {
    return decodeEvent(value);
  } catch (error) {
    return errorMessage(error);
  }
}
