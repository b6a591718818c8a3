// The workspace's probes: the checklist rows they add, the plan that arrives after the checklist
// when the alert rule answers late, each run's results as they come in, and the focused step the
// refresh timer runs again. Pure, like the rest of the workspace's state.
import type { ProbeStep } from '../../core/probe/probe.js';
import type { ProbeResult } from '../../core/probe/result.js';
import type { Incident } from '../../core/timeline/incident.js';
import { listReducer } from './list-state.js';
import { silenceConfirm } from './workspace-dialog-keys.js';
import type { WorkspaceAction, WorkspaceState } from './workspace-state.js';

/** The focused step's probes: running, and the results so far. */
export interface StepProbes {
  readonly running: boolean;
  readonly results: readonly ProbeResult[];
  /** When the last run ended (ms since the epoch), to schedule the next one. */
  readonly finishedAt?: number;
  /** Runs ended so far: each one arms the refresh timer anew, even at the same clock reading. */
  readonly runs?: number;
}

/** The actions of a step's probe run, from its start to its end. */
export type ProbeRunAction = Extract<
  WorkspaceAction,
  { type: 'probeStarted' | 'probeDue' | 'probeResult' | 'probeFinished' }
>;

/**
 * Checklist rows as step ids: the probe steps the runbook does not have (the alert expression)
 * first, then the incident's steps.
 */
export function checklistItems(
  incident: Incident,
  probeSteps: Readonly<Record<string, ProbeStep>>,
): string[] {
  const steps = incident.steps.map((s) => s.step.id);
  const pseudo = Object.keys(probeSteps).filter((id) => !steps.includes(id));
  return [...pseudo, ...steps];
}

/** The next state for one moment of a step's probe run. */
export function probeRunReducer(state: WorkspaceState, action: ProbeRunAction): WorkspaceState {
  switch (action.type) {
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
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/**
 * The probes arrive after the checklist: the rows they add (the alert expression first) go in, the
 * cursor stays on the step it was on, or on the first row when it had not moved (as at open). The
 * rule also names the labels that change with each evaluation: a silence being confirmed on its
 * default matchers, drawn before they were known, gets them again without those labels (else it
 * would stop matching at the alert's next evaluation); a line the user edited stays theirs.
 */
export function withProbePlan(
  state: WorkspaceState,
  plan: Extract<WorkspaceAction, { type: 'probePlan' }>,
): WorkspaceState {
  if (!state.incident || !state.probesPending) return state;
  const probeSteps = Object.fromEntries(plan.probeSteps.map((s) => [s.id, s]));
  const items = checklistItems(state.incident, probeSteps);
  const focused = state.items[state.list.cursor];
  const at = state.list.cursor === 0 || focused === undefined ? 0 : Math.max(0, items.indexOf(focused));
  const resized = listReducer(state.list, { type: 'resize', count: items.length, height: state.list.height });
  const runbook = state.runbook && {
    ...state.runbook,
    problems: [...plan.problems, ...state.runbook.problems],
  };
  const next: WorkspaceState = {
    ...state,
    runbook,
    probeSteps,
    items,
    volatileLabels: plan.volatileLabels,
    probesPending: false,
    list: listReducer(resized, { type: 'jump', to: at }),
  };
  const mode = state.mode;
  if (mode.kind !== 'silence-confirm' || mode.scope !== 'alerts') return next;
  const drawn = silenceConfirm(state, mode.durationMs, mode.comment, mode.scope);
  if (mode.text !== drawn.text) return next;
  return { ...next, mode: silenceConfirm(next, mode.durationMs, mode.comment, mode.scope) };
}

/**
 * The focused step whose probes are waiting for their next automatic run: the workspace is ready,
 * no dialog is open (the refresh pauses under one), and the step's last run has ended.
 */
export function probeRefreshTarget(
  state: WorkspaceState,
): { readonly stepId: string; readonly finishedAt: number; readonly runs: number } | undefined {
  if (state.phase !== 'ready' || state.mode.kind !== 'checklist') return undefined;
  // The row under the cursor (focusedStepId, read here so this module needs nothing of the reducer's).
  const stepId = state.items[state.list.cursor];
  if (stepId === undefined || !state.probeSteps[stepId]) return undefined;
  const probes = state.probes[stepId];
  if (!probes || probes.running || probes.finishedAt === undefined) return undefined;
  return { stepId, finishedAt: probes.finishedAt, runs: probes.runs ?? 0 };
}
