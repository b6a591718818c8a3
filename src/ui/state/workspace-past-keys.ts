// Keys of the alert's past incidents: `p` lists them (same identifying labels first), ↑/↓ pick
// one, ⏎ shows its timeline read-only (the export's rows), esc goes back one level.
import type { KeyOutcome } from './workspace-outcome.js';
import { pastViewLines, pastViewRows } from './workspace-past.js';
import type { WorkspaceMode } from './workspace-mode.js';
import type { WorkspaceState } from './workspace-state.js';

type PastMode = Extract<WorkspaceMode, { kind: 'past-list' | 'past-view' }>;

const backKeys = new Set(['escape', 'left', 'h', 'q', 'p']);

/** `p` in the checklist: the list, or why there is none. */
export function pastIncidentsAction(state: WorkspaceState): KeyOutcome {
  const { past } = state;
  const say = (message: string): KeyOutcome => ({ state: { ...state, message }, intents: [] });
  if (past.kind === 'none') return say('Past incidents are not available here.');
  if (past.kind === 'loading') return say('The alert’s past is still loading.');
  if ((past.past.incidents ?? []).length === 0) {
    return say(past.past.lastTime ?? 'No earlier incident of this alert is recorded.');
  }
  return { state: { ...state, mode: { kind: 'past-list', index: 0 }, message: undefined }, intents: [] };
}

/** One key in the list or in the view of one past incident. */
export function pastKey(state: WorkspaceState, mode: PastMode, key: string): KeyOutcome {
  const incidents = state.past.kind === 'loaded' ? (state.past.past.incidents ?? []) : [];
  const to = (next: WorkspaceMode): KeyOutcome => ({ state: { ...state, mode: next }, intents: [] });
  if (mode.kind === 'past-list') {
    if (backKeys.has(key)) return to({ kind: 'checklist' });
    if (key === 'up' || key === 'k') return to({ ...mode, index: Math.max(0, mode.index - 1) });
    if (key === 'down' || key === 'j') {
      return to({ ...mode, index: Math.max(0, Math.min(incidents.length - 1, mode.index + 1)) });
    }
    const chosen = incidents[mode.index];
    if (key === 'return' && chosen) {
      return {
        state: {
          ...state,
          mode: { kind: 'past-view', index: mode.index, id: chosen.id, lines: undefined, scroll: 0 },
        },
        intents: [{ type: 'viewPastIncident', id: chosen.id }],
      };
    }
    return to(mode);
  }
  if (backKeys.has(key)) return to({ kind: 'past-list', index: mode.index });
  const page = pastViewRows(state.size);
  const by =
    key === 'up' || key === 'k'
      ? -1
      : key === 'down' || key === 'j'
        ? 1
        : key === 'K' || key === 'pageup'
          ? -page
          : key === 'J' || key === 'pagedown' || key === 'space'
            ? page
            : 0;
  const max = Math.max(0, pastViewLines(mode.lines, state.size.width).length - page);
  return to({ ...mode, scroll: Math.max(0, Math.min(max, mode.scroll + by)) });
}
