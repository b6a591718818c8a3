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
  /** The links pane: graph links for these queries, then the runbook's and the alert's links. */
  | { readonly type: 'showLinks'; readonly queries: readonly string[] }
  /** Put text on the clipboard (OSC 52); `what` names it for the message ("the query"). */
  | { readonly type: 'copy'; readonly what: string; readonly text: string }
  /** Copy the graph link of these queries over the incident's time range. */
  | { readonly type: 'copyGraph'; readonly queries: readonly string[] }
  | { readonly type: 'openLink'; readonly url: string }
  /** Open the runbook file in $VISUAL/$EDITOR, then reload it. */
  | { readonly type: 'editRunbook' }
  /**
   * The open incident's alert past (history, past incidents), asked for once the frame that shows
   * it opened is drawn: its first steps (the time zone, every journal read) cost the first frame.
   */
  | { readonly type: 'loadPast' }
  /** Look up what the alert's record lacks: its value at firing, who made its silences. */
  | { readonly type: 'loadAlertFacts' }
  /** Read a past incident's timeline (for the read-only view of it). */
  | { readonly type: 'viewPastIncident'; readonly id: string }
  | { readonly type: 'closeIncident'; readonly expireSilences: boolean };
