// Moving the workspace's cursor: one row, a page, a search match, the next open step after one is
// done. A move onto a step with probes not yet run asks for its run; marking a step done moves on.
import type { Intent } from './intents.js';
import { listReducer, type ListAction } from './list-state.js';
import { workspaceLayout } from './workspace-layout.js';
import { stay, withMode, type KeyOutcome } from './workspace-outcome.js';
import { matchFrom, matchMessage, nextOpenStep, searchMatches } from './workspace-search.js';
import { focusedStepId, type WorkspaceState } from './workspace-state.js';

/** Moves the cursor; a step newly focused whose probes have not run yet gets a run. */
export function move(state: WorkspaceState, listAction: ListAction): KeyOutcome {
  const list = listReducer(state.list, listAction);
  const moved = list.cursor !== state.list.cursor;
  const next = {
    ...state,
    list,
    message: undefined,
    detailScroll: moved && state.pane !== 'timeline' ? 0 : state.detailScroll,
    pane: moved && (state.pane === 'alert' || state.pane === 'links') ? ('step' as const) : state.pane,
  };
  const stepId = focusedStepId(next);
  const wantsRun =
    stepId !== undefined &&
    stepId !== focusedStepId(state) &&
    next.probeSteps[stepId] &&
    !next.probes[stepId];
  return { state: next, intents: wantsRun ? [{ type: 'runProbes', stepId }] : [] };
}

/** The focused row's step id, when the row is a checklist step (not the alert-expression row). */
export function focusedStep(state: WorkspaceState): string | undefined {
  const stepId = focusedStepId(state);
  return state.incident?.steps.some((s) => s.step.id === stepId) === true ? stepId : undefined;
}

/** Marks the focused step done (then moves on), skipped or reopened; other rows say why not. */
export function stepEvent(
  state: WorkspaceState,
  type: 'step-done' | 'step-skipped' | 'step-reopened',
): KeyOutcome {
  const stepId = focusedStep(state);
  if (stepId === undefined) return withMode(state, state.mode, 'This row is not a checklist step.');
  const record: Intent = { type: 'record', event: { type, stepId } };
  if (type === 'step-done') return toNextOpenStep(state, record);
  return { state: { ...state, message: undefined }, intents: [record] };
}

/** Records the step's end and moves the cursor to the next step still to do, when there is one. */
export function toNextOpenStep(state: WorkspaceState, record: Intent): KeyOutcome {
  const next = nextOpenStep(state, state.list.cursor);
  if (next === undefined) {
    return { state: { ...state, message: 'Every other step is done or skipped.' }, intents: [record] };
  }
  const moved = move(state, { type: 'jump', to: next });
  return { state: moved.state, intents: [record, ...moved.intents] };
}

/** Runs a search from the cursor: the first matching row at or after it, wrapping. */
export function searchFor(state: WorkspaceState, query: string): KeyOutcome {
  if (query === '') return stay({ ...state, search: undefined, message: 'Search cleared.' });
  const matches = searchMatches(state, query);
  const first = matchFrom(matches, state.list.cursor, 1, true);
  if (first === undefined) {
    return stay({ ...state, search: undefined, message: `No step matches “${query}”.` });
  }
  return jumpTo({ ...state, search: query }, first, matches);
}

/** n/N: the next (or previous) row matching the last search, wrapping. */
export function nextMatch(state: WorkspaceState, query: string, direction: 1 | -1): KeyOutcome {
  const matches = searchMatches(state, query);
  const target = matchFrom(matches, state.list.cursor, direction);
  if (target === undefined) return stay({ ...state, message: `No step matches “${query}”.` });
  return jumpTo(state, target, matches);
}

/** Moves to a matching row and scrolls its text to the first matching line. */
function jumpTo(state: WorkspaceState, index: number, matches: readonly number[]): KeyOutcome {
  const moved = move(state, { type: 'jump', to: index });
  const query = state.search ?? '';
  // Scroll the step's text so its first matching line is in view.
  const wanted = query.toLowerCase();
  const lines = workspaceLayout({ ...moved.state, pane: 'step' }).lines;
  const line = Math.max(
    0,
    lines.findIndex((l) => l.toLowerCase().includes(wanted)),
  );
  const next = {
    ...moved.state,
    pane: 'step' as const,
    detailScroll: line,
    message: matchMessage(matches, index, query),
  };
  return { state: next, intents: moved.intents };
}
