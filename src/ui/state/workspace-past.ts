// How many rows the alert's past takes in the workspace: none until the session offers it, one
// while it loads, then the history line and the "Last time" line. On a short terminal (under 30
// rows) only the history line shows while Meaning/Impact are folded, so the checklist keeps its
// rows; `m` (the context toggle) shows the "Last time" line with the rest of the context. And the
// workspace reducer's part for the past: it, or a past incident's timeline, arriving.
import type { AlertPast } from '../../app/alert-past.js';
import type { ScreenSize, WorkspaceAction, WorkspaceState } from './workspace-state.js';
import { appChrome, wrapText } from './workspace-text.js';

/** The alert's past as the workspace holds it. */
export type PastState =
  | { readonly kind: 'none' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly past: AlertPast };

/** Terminals with fewer rows than this show the past in one line while the context is folded. */
export const shortTerminalRows = 30;

/** Whether the "Last time" line shows at this size and fold. */
export function showsLastTime(state: Pick<WorkspaceState, 'past' | 'size' | 'contextOpen'>): boolean {
  return (
    state.past.kind === 'loaded' &&
    state.past.past.lastTime !== undefined &&
    (state.contextOpen || state.size.rows >= shortTerminalRows)
  );
}

/** Rows the past takes: 0, 1 or 2. */
export function pastRows(state: Pick<WorkspaceState, 'past' | 'size' | 'contextOpen'>): number {
  switch (state.past.kind) {
    case 'none':
      return 0;
    case 'loading':
      return 1;
    case 'loaded':
      return showsLastTime(state) ? 2 : 1;
    default: {
      const unreachable: never = state.past;
      return unreachable;
    }
  }
}

/** Rows for a past incident's timeline: the screen less the app's chrome, the title and the hints. */
export function pastViewRows(size: ScreenSize): number {
  return Math.max(3, size.rows - appChrome - 3);
}

/** A past incident's timeline rows wrapped to the screen (empty while loading). */
export function pastViewLines(lines: readonly string[] | undefined, width: number): string[] {
  return (lines ?? []).flatMap((line) => wrapText(line, width));
}

/** The next state when the alert's past, or one past incident's timeline, arrives. */
export function pastReducer(
  state: WorkspaceState,
  action: Extract<WorkspaceAction, { type: 'past' | 'pastIncident' }>,
): WorkspaceState {
  if (action.type === 'past') {
    return {
      ...state,
      past: action.past === 'loading' ? { kind: 'loading' } : { kind: 'loaded', past: action.past },
    };
  }
  // A timeline that arrives after its view was left (or another one opened) is dropped.
  return state.mode.kind === 'past-view' && state.mode.id === action.id
    ? { ...state, mode: { ...state.mode, lines: action.lines } }
    : state;
}
