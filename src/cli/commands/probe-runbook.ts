// ADAPTER, to be replaced by the runbook module (issue 4): finding an alert's runbook and filling a
// probe's {{ $labels.x }} placeholders. `sitrep probe` calls only these two functions, so swapping
// in the real ones (src/store/runbook-library.ts + src/core/runbook/match.ts for the runbook,
// src/core/promql for the templating) touches this file alone. Until then no runbook is found, and
// `sitrep probe` runs the alert's own expression only.
import type { Alert, LabelSet } from '../../core/alerts/alert.js';
import type { RenderProbeQuery } from '../../core/probe/plan.js';
import type { Runbook, RunbookSource } from '../../core/runbook/runbook.js';
import type { CommandContext } from '../command.js';

/** A runbook and where it came from. */
export interface FoundRunbook {
  readonly runbook: Runbook;
  readonly source: RunbookSource;
}

/** The runbook for the alert (by name and labels, or its runbook annotation); undefined when none. */
export function findRunbook(
  _name: string,
  _labels: LabelSet,
  _alert: Alert | undefined,
  _context: CommandContext,
): Promise<FoundRunbook | undefined> {
  return Promise.resolve(undefined);
}

/** Fills a probe query for the alert's labels, escaped for PromQL, or names the missing label. */
export const renderProbeQuery: RenderProbeQuery = () => ({
  ok: false,
  message: 'runbook probes need the runbook module, which this build does not have yet',
});
