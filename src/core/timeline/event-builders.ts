// Builds the two events that carry the most data from the shared domain types, so the UI and the
// store do not each decide what of an Alert or a Runbook goes into the journal.
import { createHash } from 'node:crypto';
import type { Alert } from '../alerts/alert.js';
import { severityRank } from '../alerts/order.js';
import type { Runbook, RunbookSource } from '../runbook/runbook.js';
import type { IncidentOpenedEvent, RunbookOpenedEvent } from './events.js';
import { makeIncidentId } from './incident-id.js';
import { optional } from './json-fields.js';

/**
 * The incident-opened event for working these alerts (one alertname; the first alert names it).
 * `entropy` is random text from the caller that keeps ids unique. Throws on an empty list: there
 * is no incident without an alert.
 */
export function incidentOpenedEvent(input: {
  readonly alerts: readonly Alert[];
  readonly at: string;
  readonly entropy: string;
  readonly title?: string;
}): IncidentOpenedEvent {
  const first = input.alerts[0];
  if (first === undefined) throw new Error('incidentOpenedEvent needs at least one alert');
  const severity = [...input.alerts]
    .map((a) => a.severity)
    .sort((a, b) => severityRank(a) - severityRank(b))
    .at(0);
  return {
    at: input.at,
    type: 'incident-opened',
    id: makeIncidentId(first.name, input.at, input.entropy),
    title: input.title ?? first.name,
    alertname: first.name,
    severity: severity ?? first.severity,
    alerts: input.alerts.map((a) => ({ fingerprint: a.fingerprint, labels: a.labels, startsAt: a.startsAt })),
    ...optional('summary', first.annotations.summary),
  };
}

/** The runbook-opened event for a parsed runbook and the text it was parsed from. */
export function runbookOpenedEvent(input: {
  readonly at: string;
  readonly runbook: Runbook;
  readonly source: RunbookSource;
  readonly text: string;
}): RunbookOpenedEvent {
  const { runbook } = input;
  return {
    at: input.at,
    type: 'runbook-opened',
    source: input.source,
    textHash: runbookTextHash(input.text),
    title: runbook.title,
    ...optional('impact', runbook.impact),
    steps: runbook.steps.map((step) => ({
      id: step.id,
      section: step.section,
      ...optional('group', step.group),
      text: step.text,
    })),
  };
}

/** `sha256:<hex>` of a runbook's text, to tell later exactly which version was followed. */
export function runbookTextHash(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}
