// Keys in the incident workspace, by mode. Each key yields the next workspace state and the
// intents (record an event, run probes, silence, export) for the effect hook to carry out.
import type { Matcher } from '../../core/alerts/matchers.js';
import { identifyingMatchers, silenceMatchersFor } from '../../core/alerts/silence-matchers.js';
import { formatSilenceMatchers, parseSilenceMatchers } from '../../core/alerts/silence-text.js';
import { errorMessage } from '../../core/errors.js';
import { actionFor, type Action } from '../keymap.js';
import {
  copyCommand,
  copyGraph,
  copyQuery,
  moveLink,
  openChosenLink,
  toggleLinks,
} from './workspace-copy.js';
import type { Intent } from './intents.js';
import { listReducer, type ListAction } from './list-state.js';
import { nextProbeView } from './probe-view.js';
import { textFieldKey } from './text-field.js';
import { maxDetailScroll, workspaceLayout } from './workspace-layout.js';
import { matchFrom, matchMessage, nextOpenStep, searchMatches } from './workspace-search.js';
import { pastIncidentsAction, pastKey } from './workspace-past-keys.js';
import type { WorkspaceMode } from './workspace-mode.js';
import { fitChecklist, focusedStepId, type WorkspaceState } from './workspace-state.js';

/** The next state and what to do. */
export interface KeyOutcome {
  readonly state: WorkspaceState;
  readonly intents: readonly Intent[];
}

import { exportFormats, silenceDurations } from './workspace-dialog.js';

const stay = (state: WorkspaceState): KeyOutcome => ({ state, intents: [] });
const withMode = (state: WorkspaceState, mode: WorkspaceMode, message?: string): KeyOutcome => ({
  state: { ...state, mode, message },
  intents: [],
});

/** One key in the workspace. */
export function workspaceKey(state: WorkspaceState, key: string): KeyOutcome {
  const { mode } = state;
  switch (mode.kind) {
    case 'checklist':
      return checklistKey(state, key);
    case 'note': {
      const step = textFieldKey(mode.text, key);
      if (step.kind === 'edit') return withMode(state, { kind: 'note', text: step.text });
      if (step.kind === 'cancel') return withMode(state, { kind: 'checklist' });
      if (step.kind === 'submit') {
        const text = step.text.trim();
        if (text === '') return withMode(state, { kind: 'checklist' }, 'Empty note not recorded.');
        return {
          state: { ...state, mode: { kind: 'checklist' } },
          intents: [{ type: 'record', event: { type: 'note-added', text } }],
        };
      }
      return stay(state);
    }
    case 'silence-duration': {
      const picked = menuKey(mode.index, silenceDurations.length, key);
      if (picked.kind === 'move') return withMode(state, { ...mode, index: picked.index });
      if (picked.kind === 'cancel') return withMode(state, { kind: 'checklist' });
      if (picked.kind === 'pick') {
        const durationMs = silenceDurations[mode.index]?.ms ?? silenceDurations[0].ms;
        return withMode(state, { kind: 'silence-comment', durationMs, text: '' });
      }
      return stay(state);
    }
    case 'export-format': {
      const picked = menuKey(mode.index, exportFormats.length, key);
      if (picked.kind === 'move') return withMode(state, { ...mode, index: picked.index });
      if (picked.kind === 'cancel') return withMode(state, { kind: 'checklist' });
      if (picked.kind === 'pick') {
        const format = exportFormats[mode.index]?.value ?? 'md';
        const text = `${state.cwd.replace(/\/$/, '')}/${state.id ?? 'incident'}.${format}`;
        return withMode(state, { kind: 'export-path', format, text });
      }
      return stay(state);
    }
    case 'silence-comment': {
      const step = textFieldKey(mode.text, key);
      if (step.kind === 'edit') return withMode(state, { ...mode, text: step.text });
      if (step.kind === 'cancel') return withMode(state, { kind: 'checklist' });
      if (step.kind === 'submit') {
        const comment = step.text.trim();
        if (comment === '') return withMode(state, mode, 'A silence needs a comment: say why.');
        return withMode(state, silenceConfirm(state, mode.durationMs, comment, 'alerts'));
      }
      return stay(state);
    }
    case 'silence-confirm': {
      if (key === 'tab' || key === 'shift+tab') {
        const scope = mode.scope === 'alerts' ? 'group' : 'alerts';
        return withMode(state, silenceConfirm(state, mode.durationMs, mode.comment, scope));
      }
      const step = textFieldKey(mode.text, key);
      if (step.kind === 'edit') return withMode(state, { ...mode, text: step.text, error: undefined });
      if (step.kind === 'cancel') return withMode(state, { kind: 'checklist' }, 'Silence cancelled.');
      if (step.kind !== 'submit') return stay(state);
      let matchers: Matcher[];
      try {
        matchers = parseSilenceMatchers(step.text);
      } catch (error) {
        return withMode(state, { ...mode, error: errorMessage(error) });
      }
      const request = { matchers, durationMs: mode.durationMs, comment: mode.comment };
      return {
        state: { ...state, mode: { kind: 'checklist' }, message: 'Creating the silence…' },
        intents: [{ type: 'silence', request }],
      };
    }
    case 'export-path': {
      const step = textFieldKey(mode.text, key);
      if (step.kind === 'edit') return withMode(state, { ...mode, text: step.text });
      if (step.kind === 'cancel') return withMode(state, { kind: 'checklist' });
      if (step.kind === 'submit' && step.text.trim() !== '') {
        return {
          state: { ...state, mode: { kind: 'checklist' }, message: 'Exporting…' },
          intents: [{ type: 'export', format: mode.format, path: step.text.trim() }],
        };
      }
      return stay(state);
    }
    case 'search': {
      const step = textFieldKey(mode.text, key);
      if (step.kind === 'edit') return withMode(state, { kind: 'search', text: step.text });
      if (step.kind === 'cancel') return withMode(state, { kind: 'checklist' });
      if (step.kind === 'submit')
        return searchFor({ ...state, mode: { kind: 'checklist' } }, step.text.trim());
      return stay(state);
    }
    case 'skip-reason': {
      const step = textFieldKey(mode.text, key);
      if (step.kind === 'edit') return withMode(state, { ...mode, text: step.text });
      if (step.kind === 'cancel') return withMode(state, { kind: 'checklist' }, 'Not skipped.');
      if (step.kind === 'submit') {
        const reason = step.text.trim();
        const event =
          reason === ''
            ? { type: 'step-skipped' as const, stepId: mode.stepId }
            : { type: 'step-skipped' as const, stepId: mode.stepId, reason };
        return toNextOpenStep({ ...state, mode: { kind: 'checklist' } }, { type: 'record', event });
      }
      return stay(state);
    }
    case 'past-list':
    case 'past-view':
      return pastKey(state, mode, key);
    case 'confirm-quit':
      if (key === 'y') return { state, intents: [{ type: 'quit' }] };
      return withMode(state, { kind: 'checklist' });
    case 'confirm-close': {
      const closing = { ...state, mode: { kind: 'checklist' } as const, message: 'Closing the incident…' };
      if (key === 'y')
        return {
          state: closing,
          intents: [{ type: 'closeIncident', expireSilences: mode.activeSilences > 0 }],
        };
      if (key === 'k' && mode.activeSilences > 0) {
        return { state: closing, intents: [{ type: 'closeIncident', expireSilences: false }] };
      }
      return withMode(state, { kind: 'checklist' }, 'The incident stays open.');
    }
    default: {
      const unreachable: never = mode;
      return unreachable;
    }
  }
}

/**
 * The confirmation step of a silence, with its default matchers: the incident's alerts by their
 * identifying labels, or (a separate choice) every alert of the name the inbox shows.
 */
export function silenceConfirm(
  state: WorkspaceState,
  durationMs: number,
  comment: string,
  scope: 'alerts' | 'group',
): Extract<WorkspaceMode, { kind: 'silence-confirm' }> {
  const own = state.incident?.alerts ?? state.alerts;
  const name = state.incident?.alertname ?? state.alerts[0]?.name ?? '';
  const group = state.groupAlerts.filter((a) => a.name === name);
  const matchers =
    scope === 'alerts'
      ? identifyingMatchers(own, state.volatileLabels)
      : group.length > 0
        ? silenceMatchersFor(group)
        : [{ name: 'alertname', op: '=' as const, value: name }];
  return {
    kind: 'silence-confirm',
    durationMs,
    comment,
    scope,
    text: formatSilenceMatchers(matchers),
    error: undefined,
  };
}

type MenuStep = { kind: 'move'; index: number } | { kind: 'pick' } | { kind: 'cancel' } | { kind: 'none' };

/** Arrow keys move through a menu of `count` items; ⏎ picks; esc cancels. */
function menuKey(index: number, count: number, key: string): MenuStep {
  if (key === 'up' || key === 'k') return { kind: 'move', index: Math.max(0, index - 1) };
  if (key === 'down' || key === 'j') return { kind: 'move', index: Math.min(count - 1, index + 1) };
  if (key === 'return') return { kind: 'pick' };
  if (key === 'escape') return { kind: 'cancel' };
  return { kind: 'none' };
}

/** Lines one J or K scrolls by. */
const scrollStep = 3;

function checklistKey(state: WorkspaceState, key: string): KeyOutcome {
  const action = actionFor(key, ['workspace', 'list', 'global']);
  return action === undefined ? stay(state) : checklistAction(state, action);
}

function move(state: WorkspaceState, listAction: ListAction): KeyOutcome {
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
function focusedStep(state: WorkspaceState): string | undefined {
  const stepId = focusedStepId(state);
  return state.incident?.steps.some((s) => s.step.id === stepId) === true ? stepId : undefined;
}

function stepEvent(state: WorkspaceState, type: 'step-done' | 'step-skipped' | 'step-reopened'): KeyOutcome {
  const stepId = focusedStep(state);
  if (stepId === undefined) return withMode(state, state.mode, 'This row is not a checklist step.');
  const record: Intent = { type: 'record', event: { type, stepId } };
  if (type === 'step-done') return toNextOpenStep(state, record);
  return { state: { ...state, message: undefined }, intents: [record] };
}

/** Records the step's end and moves the cursor to the next step still to do, when there is one. */
function toNextOpenStep(state: WorkspaceState, record: Intent): KeyOutcome {
  const next = nextOpenStep(state, state.list.cursor);
  if (next === undefined) {
    return { state: { ...state, message: 'Every other step is done or skipped.' }, intents: [record] };
  }
  const moved = move(state, { type: 'jump', to: next });
  return { state: moved.state, intents: [record, ...moved.intents] };
}

/** Runs a search from the cursor: the first matching row at or after it, wrapping. */
function searchFor(state: WorkspaceState, query: string): KeyOutcome {
  if (query === '') return stay({ ...state, search: undefined, message: 'Search cleared.' });
  const matches = searchMatches(state, query);
  const first = matchFrom(matches, state.list.cursor, 1, true);
  if (first === undefined) {
    return stay({ ...state, search: undefined, message: `No step matches “${query}”.` });
  }
  return jumpTo({ ...state, search: query }, first, matches);
}

function nextMatch(state: WorkspaceState, query: string, direction: 1 | -1): KeyOutcome {
  const matches = searchMatches(state, query);
  const target = matchFrom(matches, state.list.cursor, direction);
  if (target === undefined) return stay({ ...state, message: `No step matches “${query}”.` });
  return jumpTo(state, target, matches);
}

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
