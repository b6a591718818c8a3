// The incident and every event as one JSON document, for other tools. Sample values that JSON has
// no number for are written as Prometheus does ("NaN", "+Inf", "-Inf"); secrets are redacted, and
// control characters escaped, so it is safe to print too.
import { escapeForTerminal, stringifyForTerminal } from '../alerts/alert-json.js';
import { jsonListInBatches } from '../json-list.js';
import { encodeSampleValue } from '../timeline/json-fields.js';
import { fold } from '../timeline/fold.js';
import type { Incident } from '../timeline/incident.js';
import { timelineSchemaVersion, type TimelineEvent } from '../timeline/events.js';
import { jsonMayHideSecret, redactSecrets } from './redact.js';

/** Identifies the document's format, with `schemaVersion` for its revision. */
export const jsonExportFormat = 'sitrep-incident';

/**
 * The export as pretty-printed JSON with a trailing newline. Throws without an incident-opened
 * event. `folded` is `fold(events)` when the caller has it already.
 */
export function exportJson(events: readonly TimelineEvent[], folded?: Incident): string {
  return [...exportJsonPieces(events, folded)].join('');
}

/**
 * exportJson as consecutive pieces of text (joined, they are exactly its text): the events and the
 * notes a few hundred at a time, each written by JSON.stringify alone when nothing in it needs the
 * redacting replacer (it would give each value back as it is), and with the replacer otherwise.
 */
export function* exportJsonPieces(events: readonly TimelineEvent[], folded?: Incident): Generator<string> {
  const incident = folded ?? fold(events);
  if (incident === undefined) throw new Error('exportJson: the events have no incident-opened event');
  // The document with its two long lists left out, marked where they go.
  const notes = incident.notes.length > 0 ? { ...incident, notes: listMark } : incident;
  const frame = json({
    format: jsonExportFormat,
    schemaVersion: timelineSchemaVersion,
    incident: notes,
    events: events.length > 0 ? listMark : events,
  });
  const parts = frame.split(`"${escapedMark}"`).map(escapeForTerminal);
  const lists = [
    ...(notes === incident
      ? []
      : [listPieces(incident.notes, (chunk) => ({ incident: { notes: chunk } }), '    ')]),
    ...(events.length > 0 ? [listPieces(events, (chunk) => ({ events: chunk }), '  ')] : []),
  ];
  if (parts.length !== lists.length + 1) {
    // A string of the journal reads as the mark (it would take a NUL character): no shortcut.
    const document = { format: jsonExportFormat, schemaVersion: timelineSchemaVersion, incident, events };
    yield `${stringifyForTerminal(document, 2, replacer)}\n`;
    return;
  }
  for (const [index, part] of parts.entries()) {
    yield part;
    const list = lists[index];
    if (list !== undefined) yield* list;
  }
  yield '\n';
}

// A string no journal holds (it would take a NUL character), and how JSON.stringify writes it.
const listMark = '\u0000sitrep-list';
const escapedMark = '\\u0000sitrep-list';

/** How many items of a long list are written by one call of JSON.stringify. */
const chunkSize = 256;

/**
 * A non-empty list as JSON.stringify writes it in the document, `indent` being that of its closing
 * bracket: each chunk of items is written inside `wrap(chunk)`, whose one list sits at the same
 * depth, and the items are cut out of that text, indented as in the whole document.
 */
function* listPieces(
  items: readonly unknown[],
  wrap: (chunk: readonly unknown[]) => unknown,
  indent: string,
): Generator<string> {
  const closing = `\n${indent}]`;
  const batches = jsonListInBatches(items, chunkSize, (chunk) => {
    const text = json(wrap(chunk));
    // The wrapper opens with the list (no `[` before it), and the list closes at `indent`, where
    // no line of an item (indented deeper) can.
    return text.slice(text.indexOf('[\n'), text.lastIndexOf(closing) + closing.length);
  });
  for (const piece of batches) yield escapeForTerminal(piece);
}

/**
 * JSON.stringify with the export's replacer, pretty-printed: without the replacer when the plain
 * text shows it would change nothing (no string that may hide a secret, no number JSON has none
 * for: those would read `null`), which is several times faster.
 */
function json(value: unknown): string {
  const plain = JSON.stringify(value, null, 2);
  if (!plain.includes('null') && !jsonMayHideSecret(plain)) return plain;
  return JSON.stringify(value, replacer, 2);
}

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return encodeSampleValue(value);
  if (typeof value === 'string') return redactSecrets(value);
  return value;
}
