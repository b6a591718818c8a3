// The incident and every event as one JSON document, for other tools. Sample values that JSON has
// no number for are written as Prometheus does ("NaN", "+Inf", "-Inf"); secrets are redacted, and
// control characters escaped, so it is safe to print too.
import { stringifyForTerminal } from '../alerts/alert-json.js';
import { encodeSampleValue } from '../timeline/json-fields.js';
import { fold } from '../timeline/fold.js';
import type { Incident } from '../timeline/incident.js';
import { timelineSchemaVersion, type TimelineEvent } from '../timeline/events.js';
import { redactSecrets } from './redact.js';

/** Identifies the document's format, with `schemaVersion` for its revision. */
export const jsonExportFormat = 'sitrep-incident';

/**
 * The export as pretty-printed JSON with a trailing newline. Throws without an incident-opened
 * event. `folded` is `fold(events)` when the caller has it already.
 */
export function exportJson(events: readonly TimelineEvent[], folded?: Incident): string {
  const incident = folded ?? fold(events);
  if (incident === undefined) throw new Error('exportJson: the events have no incident-opened event');
  const document = { format: jsonExportFormat, schemaVersion: timelineSchemaVersion, incident, events };
  // Redacted and NaN-safe as it is written (one pass: the same text as redacting into a copy and
  // writing that), with the characters a terminal would act on escaped.
  return `${stringifyForTerminal(document, 2, replacer)}\n`;
}

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return encodeSampleValue(value);
  if (typeof value === 'string') return redactSecrets(value);
  return value;
}
