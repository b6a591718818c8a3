// Keys in the incident workspace, by mode. Each key yields the next workspace state and the
// intents (record an event, run probes, silence, export) for the effect hook to carry out. The
// checklist's keys are here; the dialogs' keys are in workspace-dialog-keys, the past's in
// workspace-past-keys, and the cursor's moves in workspace-moves.
import { actionFor, type Action } from '../keymap.js';
import {
  copyCommand,
  copyGraph,
  copyQuery,
  moveLink,
  openChosenLink,
  toggleLinks,
} from './workspace-copy.js';
import { nextProbeView } from './probe-view.js';
import { dialogKey } from './workspace-dialog-keys.js';
import { maxDetailScroll } from './workspace-layout.js';
import { focusedStep, move, nextMatch, stepEvent } from './workspace-moves.js';
import { stay, withMode, type KeyOutcome } from './workspace-outcome.js';
import { pastIncidentsAction, pastKey } from './workspace-past-keys.js';
import { fitChecklist, focusedStepId, type WorkspaceState } from './workspace-state.js';

/** One key in the workspace. */
export function workspaceKey(state: WorkspaceState, key: string): KeyOutcome {
  const { mode } = state;
  switch (mode.kind) {
    case 'checklist':
      return checklistKey(state, key);
    case 'note':
    case 'silence-duration':
    case 'export-format':
    case 'silence-comment':
    case 'silence-confirm':
    case 'export-path':
    case 'search':
    case 'skip-reason':
    case 'confirm-quit':
    case 'confirm-close':
      return dialogKey(state, mode, key);
    case 'past-list':
    case 'past-view':
      return pastKey(state, mode, key);
    default: {
      const unreachable: never = mode;
      return unreachable;
    }
  }
}

/** Lines one J or K scrolls by. */
const scrollStep = 3;

function checklistKey(state: WorkspaceState, key: string): KeyOutcome {
  const action = actionFor(key, ['workspace', 'list', 'global']);
  return action === undefined ? stay(state) : checklistAction(state, action);
}

function checklistAction(state: WorkspaceState, action: Action): KeyOutcome {
  if (state.phase !== 'ready' && action !== 'back' && action !== 'quit' && action !== 'help')
    return stay(state);
  switch (action) {
    case 'up':
      return state.pane === 'links' ? moveLink(state, -1) : move(state, { type: 'move', by: -1 });
    case 'down':
      return state.pane === 'links' ? moveLink(state, 1) : move(state, { type: 'move', by: 1 });
    case 'pageUp':
      return move(state, { type: 'page', by: -1 });
    case 'pageDown':
      return move(state, { type: 'page', by: 1 });
    case 'top':
      return move(state, { type: 'jump', to: 'top' });
    case 'bottom':
      return move(state, { type: 'jump', to: 'bottom' });
    case 'done':
      return stepEvent(state, 'step-done');
    case 'skip': {
      const stepId = focusedStep(state);
      if (stepId === undefined) return withMode(state, state.mode, 'This row is not a checklist step.');
      return withMode(state, { kind: 'skip-reason', stepId, text: '' });
    }
    case 'search':
      return withMode(state, { kind: 'search', text: state.search ?? '' });
    case 'nextMatch':
      return state.search === undefined
        ? withMode(state, { kind: 'note', text: '' })
        : nextMatch(state, state.search, 1);
    case 'prevMatch':
      return state.search === undefined
        ? withMode(state, state.mode, 'No search yet: / searches the runbook text.')
        : nextMatch(state, state.search, -1);
    case 'reopen':
      return stepEvent(state, 'step-reopened');
    case 'note':
      return withMode(state, { kind: 'note', text: '' });
    case 'rerun': {
      const stepId = focusedStepId(state);
      if (stepId === undefined || !state.probeSteps[stepId])
        return withMode(state, state.mode, 'This step has no probes.');
      return { state, intents: [{ type: 'runProbes', stepId }] };
    }
    case 'silence':
      return withMode(state, { kind: 'silence-duration', index: 0 });
    case 'export':
      return withMode(state, { kind: 'export-format', index: 0 });
    case 'link':
      return toggleLinks(state);
    case 'copyQuery':
      return copyQuery(state);
    case 'copyCommand':
      return copyCommand(state);
    case 'copyGraph':
      return copyGraph(state);
    case 'openLink':
      return openChosenLink(state);
    case 'editRunbook':
      return { state, intents: [{ type: 'editRunbook' }] };
    case 'close': {
      // Silences the journal has not seen expire; the session skips those that already ended.
      const activeSilences = (state.incident?.silences ?? []).filter((s) => s.expiredAt === undefined).length;
      return withMode(state, { kind: 'confirm-close', activeSilences });
    }
    case 'back':
      if (state.probeView !== undefined) return stay({ ...state, probeView: undefined, detailScroll: 0 });
      if (state.search !== undefined)
        return stay({ ...state, search: undefined, message: 'Search cleared.' });
      return { state, intents: [{ type: 'closeWorkspace' }] };
    case 'quit':
      return state.recording.pending > 0
        ? withMode(state, { kind: 'confirm-quit' })
        : { state, intents: [{ type: 'quit' }] };
    case 'scrollDown':
      return stay({
        ...state,
        detailScroll: Math.min(maxDetailScroll(state), state.detailScroll + scrollStep),
      });
    case 'scrollUp':
      return stay({
        ...state,
        detailScroll: Math.max(0, Math.min(maxDetailScroll(state), state.detailScroll) - scrollStep),
      });
    case 'context':
      return stay(fitChecklist({ ...state, contextOpen: !state.contextOpen }));
    case 'alertPane':
      return state.pane === 'alert'
        ? stay({ ...state, pane: 'step', detailScroll: 0 })
        : {
            state: { ...state, pane: 'alert', detailScroll: 0, facts: 'loading' },
            intents: [{ type: 'loadAlertFacts' }],
          };
    case 'timeline':
      // Opens at its end: the newest events are the ones to read first.
      return stay(
        state.pane === 'timeline'
          ? { ...state, pane: 'step', detailScroll: 0 }
          : { ...state, pane: 'timeline', detailScroll: Number.MAX_SAFE_INTEGER },
      );
    case 'pastIncidents':
      return pastIncidentsAction(state);
    case 'probeQueries':
    case 'probeChart': {
      const next = nextProbeView(state, action === 'probeQueries' ? 'queries' : 'chart');
      if (!next) return withMode(state, state.mode, 'This step has no probes.');
      return stay({ ...state, probeView: next.view, pane: 'step', detailScroll: 0, message: undefined });
    }
    case 'help':
    case 'open':
    case 'addToIncident':
    case 'expand':
    case 'expandAll':
    case 'collapseAll':
    case 'filter':
    case 'refresh':
    case 'toggleSilenced':
      return stay(state);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
