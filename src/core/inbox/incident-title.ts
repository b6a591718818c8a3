// The title an open incident is listed under in the inbox: two incidents of one alertname read
// apart by their alerts' labels (`HaproxyDown (server=web1 +1)`).
import type { LabelSet } from '../alerts/alert.js';
import { emptyValue } from '../alerts/alert-table.js';
import { alertIdentity } from '../timeline/alert-status.js';

/**
 * The runbook title, then in parentheses the first alert's own labels (alertname and severity
 * aside) and how many more alerts there are; no parentheses when there is nothing to put in them.
 * An empty title (an alert with an empty alertname) reads `-`, as `sitrep alerts` shows it.
 */
export function incidentListTitle(title: string, alerts: readonly { readonly labels: LabelSet }[]): string {
  const [first] = alerts;
  const about = [first ? alertIdentity(first.labels) : '', alerts.length > 1 ? `+${alerts.length - 1}` : '']
    .filter(Boolean)
    .join(' ');
  const named = title === '' ? emptyValue : title;
  return about === '' ? named : `${named} (${about})`;
}
