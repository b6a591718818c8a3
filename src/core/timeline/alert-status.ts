// Where the incident's alerts stand, for the workspace header: still firing (since when), or
// resolved (when sitrep saw it). The journal's fold holds the facts; this only summarises them.
import type { LabelSet } from '../alerts/alert.js';
import type { Incident, IncidentAlert } from './incident.js';

/** A summary of the incident's alerts. Times are ISO strings from the journal. */
export type AlertStatus =
  | { readonly kind: 'firing'; readonly firing: number; readonly total: number; readonly since: string }
  | { readonly kind: 'resolved'; readonly total: number; readonly resolvedAt: string | undefined };

function earliest(times: readonly string[]): string | undefined {
  return [...times].sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

/** Firing while any alert fires (since the earliest start among those); resolved at the last resolution. */
export function alertStatus(incident: Incident): AlertStatus {
  const firing = incident.alerts.filter((a) => a.state === 'firing');
  const total = incident.alerts.length;
  const since = earliest(firing.map((a) => a.startsAt));
  if (since !== undefined) return { kind: 'firing', firing: firing.length, total, since };
  const resolved = incident.alerts
    .map((a: IncidentAlert) => a.resolvedAt)
    .filter((t): t is string => t !== undefined)
    .sort((a, b) => Date.parse(b) - Date.parse(a));
  return { kind: 'resolved', total, resolvedAt: resolved[0] };
}

/** The labels that tell an alert from others of its name, `server=web1`: all but alertname and severity. */
export function alertIdentity(labels: LabelSet): string {
  return Object.keys(labels)
    .filter((name) => name !== 'alertname' && name !== 'severity')
    .sort()
    .map((name) => `${name}=${labels[name] ?? ''}`)
    .join(' ');
}
