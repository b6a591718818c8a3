import type { Alert } from '../../core/alerts/alert.js';
import type { TimelineEvent } from '../../core/timeline/events.js';
import type { ExportFormat, SilenceRequest } from '../../app/services.js';

/** A timeline event before the hook stamps it with the time it was recorded. */
export type EventDraft = TimelineEvent extends infer E
  ? E extends TimelineEvent
    ? Omit<E, 'at'>
    : never
  : never;

/**
 * Effects a reducer asks for. Reducers stay pure: they append intents to the state's outbox, and
 * one hook (use-intents.ts) carries them out in order and reports back with actions.
 */
export type Intent =
  | { readonly type: 'quit' }
  | { readonly type: 'refresh' }
  /** Open (or resume) the incident for these alerts of one alertname. */
  | { readonly type: 'openIncident'; readonly alerts: readonly Alert[] }
  | { readonly type: 'resumeIncident'; readonly id: string }
  /** Add these alerts to an open incident (the engineer's choice) and open it. */
  | { readonly type: 'addToIncident'; readonly id: string; readonly alerts: readonly Alert[] }
  /** Leave the workspace: stop its probes; the incident stays open. */
  | { readonly type: 'closeWorkspace' }
  | { readonly type: 'record'; readonly event: EventDraft }
  | { readonly type: 'runProbes'; readonly stepId: string }
  | { readonly type: 'silence'; readonly request: SilenceRequest }
  | { readonly type: 'export'; readonly format: ExportFormat; readonly path: string }
  | { readonly type: 'showLinks' }
  /** Look up what the alert's record lacks: its value at firing, who made its silences. */
  | { readonly type: 'loadAlertFacts' }
  /** Read a past incident's timeline (for the read-only view of it). */
  | { readonly type: 'viewPastIncident'; readonly id: string }
  | { readonly type: 'closeIncident'; readonly expireSilences: boolean };
