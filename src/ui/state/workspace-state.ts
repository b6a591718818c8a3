// The incident workspace: the runbook checklist, the focused step's probes, and the dialogs for
// notes, silences and export. Pure: keys come in, the next state and intents come out. This file
// holds the state's shape and the reducer for what the session sends; keys are handled in
// workspace-keys, the dialogs' modes are in workspace-mode, probe runs and the probe plan that
// follows a late alert rule in workspace-probes, and the alert's past in workspace-past.
import type { Alert } from '../../core/alerts/alert.js';
import type { ProbeStep } from '../../core/probe/probe.js';
import type { ProbeResult } from '../../core/probe/result.js';
import type { TimelineEvent } from '../../core/timeline/events.js';
import type { Incident } from '../../core/timeline/incident.js';
import type { AlertFacts } from '../../app/alert-facts.js';
import type { AlertPast } from '../../app/alert-past.js';
import type { RecordingStatus, WorkspaceRunbook } from '../../app/services.js';
import { emptyList, listReducer, type ListState } from './list-state.js';
import type { ProbeView } from './probe-view.js';
import type { WorkspaceMode } from './workspace-mode.js';
import { pastReducer, pastRows, type PastState } from './workspace-past.js';
import { checklistItems, probeRunReducer, withProbePlan, type StepProbes } from './workspace-probes.js';
import { checklistRows, contextLines } from './workspace-text.js';

export interface WorkspaceState {
  /** The alerts chosen when opening (empty while resuming); the incident's own list is in `incident`. */
  readonly alerts: readonly Alert[];
  /** Every alert of the same name the inbox showed, for a silence of the whole group. */
  readonly groupAlerts: readonly Alert[];
  /** Labels whose value changes per evaluation, left out of the default silence. */
  readonly volatileLabels: readonly string[];
  /** The fingerprint of the alert whose labels the probes use. */
  readonly probeAlert: string | undefined;
  readonly phase: 'opening' | 'ready' | 'failed';
  readonly error: string | undefined;
  readonly id: string | undefined;
  readonly runbook: WorkspaceRunbook | undefined;
  readonly incident: Incident | undefined;
  readonly recording: RecordingStatus;
  readonly probeSteps: Readonly<Record<string, ProbeStep>>;
  /** The checklist shows, but the probes wait for the alert rule (Prometheus has not answered yet). */
  readonly probesPending?: boolean;
  /** Checklist rows as step ids, the alert-expression pseudo-step first when there is one. */
  readonly items: readonly string[];
  readonly list: ListState;
  readonly probes: Readonly<Record<string, StepProbes>>;
  readonly mode: WorkspaceMode;
  /** The last thing worth telling the user ("exported to …", an error). */
  readonly message: string | undefined;
  /** Where exports go unless the user types another path. */
  readonly cwd: string;
  /** What the pane under the checklist shows: the focused step, the alert itself, or the timeline. */
  readonly pane: WorkspacePane;
  readonly size: ScreenSize;
  /** The journal's events, for the timeline view (undefined when the session does not give them). */
  readonly events: readonly TimelineEvent[] | undefined;
  /** First line of that pane shown (the view clamps it to the text's length). */
  readonly detailScroll: number;
  /** Meaning, Impact and the runbook's notes shown whole instead of one line each. */
  readonly contextOpen: boolean;
  /** The words of the last search (`/`), while n/N move between its matches. */
  readonly search: string | undefined;
  /** Looked up each time the alert pane opens: value at firing, silences made elsewhere. */
  readonly facts: AlertFacts | 'loading' | undefined;
  /** The alert's past (history and past incidents), loaded after the incident opens. */
  readonly past: PastState;
  /** The probes' final queries or a probe's chart, shown in the pane instead of the step's text. */
  readonly probeView?: ProbeView | undefined;
  /** The links pane's entries (`o`) and the one chosen in it. */
  readonly links?: readonly WorkspaceLink[];
  readonly linkCursor?: number;
}

export type WorkspacePane = 'step' | 'alert' | 'timeline' | 'links';

/** One entry of the links pane. */
export interface WorkspaceLink {
  /** What it is ("Graph: Alert expression", "Runbook file"). */
  readonly label: string;
  readonly url: string;
}

export type WorkspaceAction =
  | {
      readonly type: 'opened';
      readonly id: string;
      readonly runbook: WorkspaceRunbook;
      readonly probeSteps: readonly ProbeStep[];
      readonly incident: Incident;
      readonly recording: RecordingStatus;
      readonly volatileLabels: readonly string[];
      readonly probeAlert?: string;
      readonly events?: readonly TimelineEvent[] | undefined;
      /** The probes follow in a probePlan action (the alert rule had not answered). */
      readonly probesPending?: boolean;
    }
  /** The probes of a workspace that opened before its alert rule answered. */
  | {
      readonly type: 'probePlan';
      readonly probeSteps: readonly ProbeStep[];
      readonly volatileLabels: readonly string[];
      /** Why the alert-expression probe is missing, in words (added to the runbook's problems). */
      readonly problems: readonly string[];
    }
  | { readonly type: 'openFailed'; readonly error: string }
  | {
      readonly type: 'incident';
      readonly incident: Incident;
      readonly recording: RecordingStatus;
      readonly events?: readonly TimelineEvent[] | undefined;
    }
  /** The inbox's latest poll: the live alerts of this incident's name (annotations, silences). */
  | { readonly type: 'liveAlerts'; readonly alerts: readonly Alert[] }
  | { readonly type: 'probeStarted'; readonly stepId: string }
  /** The focused step's probes are due to re-run (from the refresh timer). */
  | { readonly type: 'probeDue'; readonly stepId: string }
  | { readonly type: 'probeResult'; readonly stepId: string; readonly result: ProbeResult }
  | {
      readonly type: 'probeFinished';
      readonly stepId: string;
      readonly results: readonly ProbeResult[] | undefined;
      /** When it ended, ms since the epoch. */
      readonly at: number;
    }
  | { readonly type: 'message'; readonly text: string }
  | { readonly type: 'alertFacts'; readonly facts: AlertFacts }
  /** A past incident's timeline, as lines, or why it could not be read. */
  | { readonly type: 'pastIncident'; readonly id: string; readonly lines: readonly string[] }
  /** The alert's past is loading, or has loaded (failures are in its words). */
  | { readonly type: 'past'; readonly past: AlertPast | 'loading' }
  /** The links pane's entries, ready: show the pane. */
  | { readonly type: 'links'; readonly links: readonly WorkspaceLink[] }
  | { readonly type: 'height'; readonly height: number; readonly size?: ScreenSize };

/** The rows (less the sources' status lines) and columns the screen may use. */
export interface ScreenSize {
  readonly rows: number;
  readonly width: number;
}

const okRecording: RecordingStatus = { ok: true, pending: 0, error: undefined };

/** A workspace opening for these alerts. */
export function openingWorkspace(
  alerts: readonly Alert[],
  height: number,
  cwd: string,
  groupAlerts: readonly Alert[] = alerts,
  size: ScreenSize = { rows: 24, width: 79 },
): WorkspaceState {
  return {
    alerts,
    groupAlerts,
    volatileLabels: [],
    probeAlert: undefined,
    phase: 'opening',
    error: undefined,
    id: undefined,
    runbook: undefined,
    incident: undefined,
    recording: okRecording,
    probeSteps: {},
    items: [],
    list: { ...emptyList, height },
    probes: {},
    mode: { kind: 'checklist' },
    message: undefined,
    cwd,
    pane: 'step',
    size,
    events: undefined,
    detailScroll: 0,
    contextOpen: false,
    search: undefined,
    facts: undefined,
    past: { kind: 'none' },
  };
}

/** The next workspace state for data arriving from the session. Keys are handled in workspace-keys.ts. */
export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  const next = reduce(state, action);
  return action.type === 'opened' ||
    action.type === 'probePlan' ||
    action.type === 'incident' ||
    action.type === 'height' ||
    action.type === 'past'
    ? fitChecklist(next)
    : next;
}

/** Sizes the checklist's window to the terminal and the context shown (see checklistRows). */
export function fitChecklist(state: WorkspaceState): WorkspaceState {
  const context = contextLines(state.runbook, state.contextOpen, state.size.width).length + pastRows(state);
  const height = checklistRows(state.size.rows, context, state.items.length);
  if (height === state.list.height) return state;
  return { ...state, list: listReducer(state.list, { type: 'resize', count: state.items.length, height }) };
}

function reduce(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'opened': {
      const probeSteps = Object.fromEntries(action.probeSteps.map((s) => [s.id, s]));
      const items = checklistItems(action.incident, probeSteps);
      // Opened again (the runbook edited and reloaded), the focus stays on its step: the rows may
      // differ (the probes' rows follow when the alert rule answers late, as withProbePlan adds them).
      const focused = state.items[state.list.cursor];
      const kept = focused === undefined ? -1 : items.indexOf(focused);
      const list = listReducer(state.list, {
        type: 'resize',
        count: items.length,
        height: state.list.height,
      });
      return {
        ...state,
        phase: 'ready',
        id: action.id,
        runbook: action.runbook,
        incident: action.incident,
        recording: action.recording,
        probeSteps,
        items,
        volatileLabels: action.volatileLabels,
        probeAlert: action.probeAlert,
        events: action.events,
        probesPending: action.probesPending === true,
        list: kept < 0 ? list : listReducer(list, { type: 'jump', to: kept }),
      };
    }
    case 'probePlan':
      return withProbePlan(state, action);
    case 'openFailed':
      return { ...state, phase: 'failed', error: action.error };
    case 'incident': {
      const items = checklistItems(action.incident, state.probeSteps);
      const list = listReducer(state.list, {
        type: 'resize',
        count: items.length,
        height: state.list.height,
      });
      return {
        ...state,
        incident: action.incident,
        recording: action.recording,
        items,
        list,
        events: action.events ?? state.events,
      };
    }
    case 'liveAlerts': {
      const name = state.incident?.alertname ?? state.alerts[0]?.name;
      return { ...state, groupAlerts: action.alerts.filter((a) => a.name === name) };
    }
    case 'probeStarted':
    case 'probeDue':
    case 'probeResult':
    case 'probeFinished':
      return probeRunReducer(state, action);
    case 'message':
      return { ...state, message: action.text };
    case 'alertFacts':
      return { ...state, facts: action.facts };
    case 'pastIncident':
    case 'past':
      return pastReducer(state, action);
    case 'links':
      return { ...state, links: action.links, linkCursor: 0, pane: 'links', detailScroll: 0 };
    case 'height':
      return {
        ...state,
        size: action.size ?? state.size,
        list: listReducer(state.list, { type: 'resize', count: state.items.length, height: action.height }),
      };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/** The step id under the cursor. */
export function focusedStepId(state: WorkspaceState): string | undefined {
  return state.items[state.list.cursor];
}
