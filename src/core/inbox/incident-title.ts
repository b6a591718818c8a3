// The title an open incident is listed under in the inbox: two incidents of one alertname read
// apart by their alerts' labels (`HaproxyDown (server=web1 +1)`).
import type { LabelSet } from '../alerts/alert.js';
import { emptyValue } from '../alerts/alert-table.js';
import { alertIdentity } from '../timeline/alert-status.js';

/**
 * Which alert an incident is about, by the first alert's own labels (alertname and severity aside),
 * and how many more it holds: `server=web1 +1`; empty when there is nothing to say.
 */
export function incidentAlertsAbout(alerts: readonly { readonly labels: LabelSet }[]): string {
  const [first] = alerts;
  return [first ? alertIdentity(first.labels) : '', alerts.length > 1 ? `+${alerts.length - 1}` : '']
    .filter(Boolean)
    .join(' ');
}

/**
 * The runbook title, then in parentheses incidentAlertsAbout; no parentheses when there is nothing
 * to put in them. An empty title (an alert with an empty alertname) reads `-`, as `sitrep alerts`
 * shows it.
 */
export function incidentListTitle(title: string, alerts: readonly { readonly labels: LabelSet }[]): string {
  const about = incidentAlertsAbout(alerts);
  const named = title === '' ? emptyValue : title;
  return about === '' ? named : `${named} (${about})`;
}
