// What a key in the workspace yields: the next state and the intents for the effect hook. Shared
// by the checklist's keys, the dialogs' keys and the moves they make.
import type { Intent } from './intents.js';
import type { WorkspaceMode } from './workspace-mode.js';
import type { WorkspaceState } from './workspace-state.js';

/** The next state and what to do. */
export interface KeyOutcome {
  readonly state: WorkspaceState;
  readonly intents: readonly Intent[];
}

/** The state as given, nothing to do. */
export const stay = (state: WorkspaceState): KeyOutcome => ({ state, intents: [] });

/** Another mode (a dialog, or back to the checklist) with a message, or none, in the status line. */
export const withMode = (state: WorkspaceState, mode: WorkspaceMode, message?: string): KeyOutcome => ({
  state: { ...state, mode, message },
  intents: [],
});
