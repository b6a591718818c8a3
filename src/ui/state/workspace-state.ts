// The incident workspace: the runbook checklist, the focused step's probes, and the dialogs for
// notes, silences and export. Pure: keys come in, the next state and intents come out.
import type { Alert } from '../../core/alerts/alert.js';
import type { ProbeStep } from '../../core/probe/probe.js';
import type { ProbeResult } from '../../core/probe/result.js';
import type { TimelineEvent } from '../../core/timeline/events.js';
import type { Incident } from '../../core/timeline/incident.js';
import type { AlertFacts } from '../../app/alert-facts.js';
import type { ExportFormat, RecordingStatus, WorkspaceRunbook } from '../../app/services.js';
import { emptyList, listReducer, type ListState } from './list-state.js';
import type { ProbeView } from './probe-view.js';
import { checklistRows, contextLines } from './workspace-text.js';
import { pastRows, type PastState } from './workspace-past.js';
import type { AlertPast } from '../../app/alert-past.js';

/** What the workspace is doing with the keyboard. */
export type WorkspaceMode =
  | { readonly kind: 'checklist' }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'silence-duration'; readonly index: number }
  | { readonly kind: 'silence-comment'; readonly durationMs: number; readonly text: string }
  | {
      readonly kind: 'silence-confirm';
      readonly durationMs: number;
      readonly comment: string;
      /** The incident's own alerts (by identifying labels), or every alert of the name. */
      readonly scope: 'alerts' | 'group';
      /** The matchers as an editable line, escaped so every character shows. */
      readonly text: string;
      /** Why the edited line cannot be used, when it cannot. */
      readonly error: string | undefined;
    }
  | { readonly kind: 'export-format'; readonly index: number }
  | { readonly kind: 'export-path'; readonly format: ExportFormat; readonly text: string }
  | { readonly kind: 'search'; readonly text: string }
  | { readonly kind: 'skip-reason'; readonly stepId: string; readonly text: string }
  | { readonly kind: 'confirm-quit' }
  /** The list of past incidents of the alert, `index` selected. */
  | { readonly kind: 'past-list'; readonly index: number }
  /** One past incident's timeline, read-only: undefined lines while loading. */
  | {
      readonly kind: 'past-view';
      readonly index: number;
      readonly id: string;
      readonly lines: readonly string[] | undefined;
      readonly scroll: number;
    }
  | { readonly kind: 'confirm-close'; readonly activeSilences: number };

/** The focused step's probes: running, and the results so far. */
export interface StepProbes {
  readonly running: boolean;
  readonly results: readonly ProbeResult[];
  /** When the last run ended (ms since the epoch), to schedule the next one. */
  readonly finishedAt?: number;
  /** Runs ended so far: each one arms the refresh timer anew, even at the same clock reading. */
  readonly runs?: number;
}

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

function itemsOf(incident: Incident, probeSteps: Readonly<Record<string, ProbeStep>>): string[] {
  const steps = incident.steps.map((s) => s.step.id);
  const pseudo = Object.keys(probeSteps).filter((id) => !steps.includes(id));
  return [...pseudo, ...steps];
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
      const items = itemsOf(action.incident, probeSteps);
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
        list: listReducer(state.list, { type: 'resize', count: items.length, height: state.list.height }),
      };
    }
    case 'probePlan':
      return withProbePlan(state, action);
    case 'openFailed':
      return { ...state, phase: 'failed', error: action.error };
    case 'incident': {
      const items = itemsOf(action.incident, state.probeSteps);
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
    case 'probeStarted': {
      // A re-run keeps showing the last values (with their age) until the new ones arrive.
      const previous = state.probes[action.stepId];
      const probes = { ...previous, running: true, results: previous?.results ?? [] };
      return { ...state, probes: { ...state.probes, [action.stepId]: probes } };
    }
    case 'probeDue':
      return state;
    case 'probeResult': {
      const previous = state.probes[action.stepId] ?? { running: true, results: [] };
      const results = [
        ...previous.results.filter((r) => r.probe.id !== action.result.probe.id),
        action.result,
      ];
      return { ...state, probes: { ...state.probes, [action.stepId]: { ...previous, results } } };
    }
    case 'probeFinished': {
      const previous = state.probes[action.stepId];
      // A cancelled run keeps what it had and stops spinning; the step runs again when focused.
      const results = action.results ?? previous?.results ?? [];
      const finished = { running: false, results, finishedAt: action.at, runs: (previous?.runs ?? 0) + 1 };
      return { ...state, probes: { ...state.probes, [action.stepId]: finished } };
    }
    case 'message':
      return { ...state, message: action.text };
    case 'alertFacts':
      return { ...state, facts: action.facts };
    case 'pastIncident':
      return state.mode.kind === 'past-view' && state.mode.id === action.id
        ? { ...state, mode: { ...state.mode, lines: action.lines } }
        : state;
    case 'past':
      return {
        ...state,
        past: action.past === 'loading' ? { kind: 'loading' } : { kind: 'loaded', past: action.past },
      };
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

/**
 * The focused step whose probes are waiting for their next automatic run: the workspace is ready,
 * no dialog is open (the refresh pauses under one), and the step's last run has ended.
 */
export function probeRefreshTarget(
  state: WorkspaceState,
): { readonly stepId: string; readonly finishedAt: number; readonly runs: number } | undefined {
  if (state.phase !== 'ready' || state.mode.kind !== 'checklist') return undefined;
  const stepId = focusedStepId(state);
  if (stepId === undefined || !state.probeSteps[stepId]) return undefined;
  const probes = state.probes[stepId];
  if (!probes || probes.running || probes.finishedAt === undefined) return undefined;
  return { stepId, finishedAt: probes.finishedAt, runs: probes.runs ?? 0 };
}

/** The step id under the cursor. */
export function focusedStepId(state: WorkspaceState): string | undefined {
  return state.items[state.list.cursor];
}

/**
 * The probes arrive after the checklist: the rows they add (the alert expression first) go in, the
 * cursor stays on the step it was on, or on the first row when it had not moved (as at open).
 */
function withProbePlan(
  state: WorkspaceState,
  plan: Extract<WorkspaceAction, { type: 'probePlan' }>,
): WorkspaceState {
  if (!state.incident || !state.probesPending) return state;
  const probeSteps = Object.fromEntries(plan.probeSteps.map((s) => [s.id, s]));
  const items = itemsOf(state.incident, probeSteps);
  const focused = state.items[state.list.cursor];
  const at = state.list.cursor === 0 || focused === undefined ? 0 : Math.max(0, items.indexOf(focused));
  const resized = listReducer(state.list, { type: 'resize', count: items.length, height: state.list.height });
  const runbook = state.runbook && {
    ...state.runbook,
    problems: [...plan.problems, ...state.runbook.problems],
  };
  return {
    ...state,
    runbook,
    probeSteps,
    items,
    volatileLabels: plan.volatileLabels,
    probesPending: false,
    list: listReducer(resized, { type: 'jump', to: at }),
  };
}
