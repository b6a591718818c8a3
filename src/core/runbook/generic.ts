// The runbook sitrep opens when an alert has none of its own: a general checklist that starts from
// the alert's own expression and then walks the usual causes: what changed, what is saturated, what
// fails, and what the service depends on. It is written as markdown and read by the same parser as
// every other runbook, so it looks and behaves like one. Probes are added only for the labels the
// alert has (a `job` or an `instance` to narrow them), so none of them is unrunnable.
import { parseRunbook } from './parse-runbook.js';
import type { Runbook } from './runbook.js';
import { genericRunbookText, type GenericRunbookInput } from './generic-text.js';

/** The built-in generic runbook for one alert. */
export function genericRunbook(alert: GenericRunbookInput): Runbook {
  return parseRunbook(genericRunbookText(alert));
}
