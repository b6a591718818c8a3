// Which open incidents the inbox's `/` filter keeps: the filter applies to the incident rows as to
// the alert rows, so Enter after filtering opens what the filter matched.
import type { Alert } from '../alerts/alert.js';
import { passesFilter, type AlertFilter } from '../alerts/filter.js';

/** What the filter reads of an open incident. */
export interface FilterableIncident {
  readonly title: string;
  readonly alertname: string;
  /** Fingerprints of the incident's alerts. */
  readonly fingerprints: readonly string[];
}

/**
 * The incidents the filter keeps, in the order given: one of whose alerts in the feed passes it,
 * or whose own alertname and title do (read as an alert of that name whose summary is the title,
 * so `alertname=X` and words of the title match an incident whose alerts stopped firing).
 */
export function filterIncidents<T extends FilterableIncident>(
  incidents: readonly T[],
  filter: AlertFilter,
  alerts: readonly Alert[],
): readonly T[] {
  if (filter.empty || incidents.length === 0) return incidents;
  const wanted = new Set(incidents.flatMap((incident) => incident.fingerprints));
  const passing = new Set<string>();
  for (const alert of alerts)
    if (wanted.has(alert.fingerprint) && passesFilter(filter, alert)) passing.add(alert.fingerprint);
  return incidents.filter(
    (incident) =>
      incident.fingerprints.some((fingerprint) => passing.has(fingerprint)) ||
      passesFilter(filter, standIn(incident)),
  );
}

/** An alert made of the incident's own words, for the filter to read. */
function standIn(incident: FilterableIncident): Pick<Alert, 'name' | 'labels' | 'annotations'> {
  return {
    name: incident.alertname,
    labels: { alertname: incident.alertname },
    annotations: { summary: incident.title },
  };
}
