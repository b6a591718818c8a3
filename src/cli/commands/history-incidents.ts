// The past-incidents part of `sitrep history`: the journals in the user's incident folder.
import type { LabelSet } from '../../core/alerts/alert.js';
import { describePastIncident, pastIncidents, type PastIncident } from '../../core/history/past-incidents.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { CommandContext } from '../command.js';
import { incidentStore, warn } from '../incident-context.js';

/** The recorded incidents for the alert, as lines and as JSON. */
export async function pastIncidentsSection(
  context: CommandContext,
  alertname: string,
  labels: LabelSet,
): Promise<{ lines: string[]; json: readonly PastIncident[] }> {
  const { incidents, warnings } = await incidentStore(context).list();
  warn(context, warnings);
  const found = pastIncidents(
    incidents.map((e) => e.incident),
    alertname,
    labels,
    new Date().toISOString(),
  );
  const title = `${sanitizeLine(alertname)} — incidents recorded by sitrep`;
  if (found.length === 0) return { lines: [title, '  none'], json: found };
  return {
    lines: [title, ...found.flatMap((p) => describePastIncident(p).map((l) => `  ${l}`))],
    json: found,
  };
}
