// The alert itself, as lines for the workspace's pane: per alert its state (firing/resolved,
// silenced by whom until when), its value when it fired, where it was seen, its summary and
// description, its labels. What the record lacks comes from the facts looked up as the pane opens.
import type { AlertFacts } from '../../app/alert-facts.js';
import type { Alert } from '../../core/alerts/alert.js';
import { formatValue } from '../../core/format/value.js';
import type { Incident, IncidentAlert } from '../../core/timeline/incident.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { wrapText } from './workspace-text.js';
import type { WorkspaceState } from './workspace-state.js';

/** Every line of the alert pane, sanitized and wrapped to `width`. */
export function alertPaneLines(state: WorkspaceState, width: number): string[] {
  const incident = state.incident;
  if (!incident) return [];
  const live = new Map([...state.alerts, ...state.groupAlerts].map((a) => [a.fingerprint, a]));
  const lines: string[] = [];
  incident.alerts.forEach((alert, index) => {
    if (index > 0) lines.push('');
    lines.push(...oneAlert(incident, alert, live.get(alert.fingerprint), state.facts, width));
  });
  return lines;
}

type Facts = AlertFacts | 'loading' | undefined;

function oneAlert(
  incident: Incident,
  alert: IncidentAlert,
  live: Alert | undefined,
  facts: Facts,
  width: number,
) {
  const lines: string[] = [];
  const since = `since ${clock(alert.startsAt)}`;
  const state =
    alert.state === 'resolved'
      ? `resolved${alert.resolvedAt === undefined ? '' : ` at ${clock(alert.resolvedAt)}`} (firing ${since})`
      : `firing ${since}${live ? muted(incident, live, facts) : ''}`;
  lines.push(...wrapText(`State: ${state}`, width));
  lines.push(...wrapText(`Value at firing: ${firingValue(alert.fingerprint, facts)}`, width));
  lines.push(
    ...wrapText(
      live
        ? `Seen by: ${live.origins.map((o) => `${o.kind} ${o.source}`).join(', ') || 'unknown'}`
        : 'Seen by: unknown (not in the last poll of the sources)',
      width,
    ),
  );
  const annotations = live?.annotations ?? {};
  for (const name of ['summary', 'description']) {
    const text = annotations[name];
    lines.push(...wrapText(`${capital(name)}: ${text ?? (live ? '(none)' : 'unknown')}`, width));
  }
  const labels = Object.entries(alert.labels).map(([n, v]) => `${sanitizeLine(n)}="${sanitizeLine(v)}"`);
  lines.push(...wrapText(`Labels: ${labels.join(' ')}`, width));
  return lines;
}

/**
 * ", silenced by ana until 14:05", or ", inhibited", from the live alert, the journal, and for a
 * silence made outside the incident what Alertmanager said of it when the pane opened.
 */
function muted(incident: Incident, live: Alert, facts: Facts): string {
  if (live.state === 'inhibited') return ', inhibited by another alert';
  if (live.silencedBy.length === 0) return '';
  const described = live.silencedBy.map((id) => {
    const known = incident.silences.find((s) => s.id === id);
    if (known) return `by ${known.author} until ${clock(known.endsAt)} (silence ${id})`;
    const fact = facts === 'loading' || facts === undefined ? undefined : facts.silences[id];
    if (fact?.known) {
      const { createdBy, endsAt, comment } = fact.silence;
      const why = comment.trim() === '' ? '' : `: "${sanitizeLine(comment, 200)}"`;
      return `by ${createdBy} until ${clock(endsAt)} (silence ${id}, made outside this incident${why})`;
    }
    const lookup =
      facts === 'loading' ? 'looking it up…' : `author unknown: ${fact?.reason ?? 'not looked up'}`;
    return `by silence ${id} (made outside this incident; ${lookup})`;
  });
  return `, silenced ${described.join('; ')}`;
}

/** "142 at 2026-11-29 04:18 UTC (the rule's expression then)", or unknown and why. */
function firingValue(fingerprint: string, facts: Facts): string {
  if (facts === 'loading') return 'looking it up…';
  const fact = facts?.valueAtFiring[fingerprint];
  if (!fact) return 'unknown (not looked up)';
  if (!fact.known) return `unknown (${fact.reason})`;
  return `${formatValue(fact.value, fact.unit)} at ${clock(fact.at)} (the rule's expression then, from Prometheus)`;
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "2026-11-29 06:31 UTC": a full time, so it reads the same on every terminal. */
function clock(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return 'an unknown time';
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
