// Incident state is the fold of its events: resuming an incident is replaying its journal, and the
// UI's reducer applies each new event with the same function. Nothing here throws on odd input: an
// event that does not fit is ignored and noted in `problems`, so one bad line never hides the rest.
import type { AlertRecord, IncidentOpenedEvent, NoteAddedEvent, TimelineEvent } from './events.js';
import type { Incident, IncidentAlert, IncidentNote, StepState } from './incident.js';
import { optional } from './json-fields.js';

/** The incident an event sequence describes, or undefined when it has no incident-opened event. */
export function fold(events: readonly TimelineEvent[]): Incident | undefined {
  let incident: Incident | undefined;
  const early: string[] = [];
  for (const event of events) {
    // The incident built here, and its lists, are this loop's own: each event changes it in place
    // (copying the incident, or its notes, on every one of 10,000 events was most of a fold).
    if (incident !== undefined) applyInPlace(incident, event);
    else if (event.type === 'incident-opened') incident = openIncidentState(event, early);
    else early.push(`${event.at} ${event.type}: recorded before the incident was opened; ignored`);
  }
  return incident;
}

/** The state right after an incident-opened event. */
export function openIncidentState(event: IncidentOpenedEvent, problems: readonly string[] = []): Incident {
  return {
    id: event.id,
    title: event.title,
    alertname: event.alertname,
    severity: event.severity,
    status: 'open',
    ...optional('summary', event.summary),
    impactEdited: false,
    openedAt: event.at,
    updatedAt: event.at,
    alerts: event.alerts.map((alert) => ({ ...alert, state: 'firing' as const })),
    steps: [],
    notes: [],
    probeRuns: [],
    silences: [],
    eventCount: 1,
    problems,
  };
}

/** The note a note-added event adds. */
function noteOf(event: NoteAddedEvent): IncidentNote {
  return event.author === undefined
    ? { at: event.at, text: event.text }
    : { at: event.at, text: event.text, author: event.author };
}

/** The next state after one more event. Pure: returns a new object, never mutates `incident`. */
export function applyEvent(incident: Incident, event: TimelineEvent): Incident {
  return {
    ...incident,
    updatedAt: event.at,
    eventCount: incident.eventCount + 1,
    ...changesOf(incident, event, false),
  };
}

/** applyEvent on an incident fold owns: the same fields set on it, its lists grown in place. */
function applyInPlace(draft: Draft, event: TimelineEvent): void {
  draft.updatedAt = event.at;
  draft.eventCount += 1;
  Object.assign(draft, changesOf(draft, event, true));
}

/**
 * A list with one more item: a copy, or with `inPlace` the same list grown (only for lists the
 * caller owns, as fold's are).
 */
function append<T>(list: readonly T[], item: T, inPlace: boolean): readonly T[] {
  if (!inPlace) return [...list, item];
  (list as T[]).push(item);
  return list;
}

/** An incident whose fields fold may set: only ever one that fold itself built. */
type Draft = { -readonly [K in keyof Incident]: Incident[K] };

/**
 * What one more event changes in the incident, besides its update time and event count. The lists
 * it grows are copies, or with `inPlace` the incident's own lists grown (only for an incident
 * fold owns).
 */
function changesOf(incident: Incident, event: TimelineEvent, inPlace: boolean): Partial<Incident> {
  const ignore = (why: string): Partial<Incident> => ({
    problems: append(incident.problems, `${event.at} ${event.type}: ${why}; ignored`, inPlace),
  });
  switch (event.type) {
    case 'incident-opened':
      return ignore('the incident was already opened');
    case 'alert-firing':
      return { alerts: alertFiring(incident.alerts, event.alert) };
    case 'alert-resolved': {
      if (!incident.alerts.some((a) => a.fingerprint === event.fingerprint)) {
        return ignore(`no alert with fingerprint ${event.fingerprint}`);
      }
      const alerts = incident.alerts.map((a): IncidentAlert =>
        a.fingerprint === event.fingerprint
          ? { ...a, state: 'resolved', resolvedAt: event.at, ...optional('lastSeenAt', event.lastSeenAt) }
          : a,
      );
      return { alerts };
    }
    case 'runbook-opened': {
      const previous = new Map(incident.steps.map((s) => [s.step.id, s]));
      const steps = event.steps.map((step): StepState => {
        const old = previous.get(step.id);
        return old === undefined ? { step, status: 'todo' } : { ...old, step };
      });
      const runbook = {
        source: event.source,
        textHash: event.textHash,
        title: event.title,
        openedAt: event.at,
      };
      const impact = incident.impactEdited ? incident.impact : (event.impact ?? incident.impact);
      return { runbook, steps, ...optional('impact', impact) };
    }
    case 'step-done':
    case 'step-skipped':
    case 'step-reopened': {
      if (!incident.steps.some((s) => s.step.id === event.stepId)) {
        return ignore(`the runbook has no step ${event.stepId}`);
      }
      const status = event.type === 'step-done' ? 'done' : event.type === 'step-skipped' ? 'skipped' : 'todo';
      const steps = incident.steps.map((s): StepState =>
        s.step.id === event.stepId
          ? { step: s.step, status, at: event.at, ...optional('reason', event.reason) }
          : s,
      );
      return { steps };
    }
    case 'note-added':
      return { notes: append(incident.notes, noteOf(event), inPlace) };
    case 'probe-run': {
      const run = {
        at: event.at,
        ...optional('stepId', event.stepId),
        ...optional('alert', event.alert),
        probes: event.probes,
      };
      return { probeRuns: append(incident.probeRuns, run, inPlace) };
    }
    case 'silence-created': {
      const { silenceId, matchers, comment, author, endsAt } = event;
      const silence = { id: silenceId, matchers, comment, author, endsAt, createdAt: event.at };
      return { silences: [...incident.silences.filter((s) => s.id !== silenceId), silence] };
    }
    case 'silence-expired': {
      if (!incident.silences.some((s) => s.id === event.silenceId)) {
        return ignore(`no silence ${event.silenceId} was created in this incident`);
      }
      const silences = incident.silences.map((s) =>
        s.id === event.silenceId ? { ...s, expiredAt: event.at } : s,
      );
      return { silences };
    }
    case 'severity-changed':
      return { severity: event.value };
    case 'summary-changed':
      return { summary: event.value };
    case 'impact-changed':
      return { impact: event.value, impactEdited: true };
    case 'incident-resolved':
      if (incident.status === 'closed') return ignore('the incident is already closed');
      return { status: 'resolved', resolvedAt: incident.resolvedAt ?? event.at };
    case 'incident-closed':
      if (incident.status === 'closed') return ignore('the incident is already closed');
      return { status: 'closed', closedAt: event.at };
    case 'alert-history':
      return { history: event };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function alertFiring(alerts: readonly IncidentAlert[], alert: AlertRecord): IncidentAlert[] {
  // Only the record's own fields: a firing alert has no resolution times any more.
  const firing: IncidentAlert = {
    fingerprint: alert.fingerprint,
    labels: alert.labels,
    startsAt: alert.startsAt,
    state: 'firing',
  };
  const known = alerts.some((a) => a.fingerprint === alert.fingerprint);
  return known ? alerts.map((a) => (a.fingerprint === alert.fingerprint ? firing : a)) : [...alerts, firing];
}
