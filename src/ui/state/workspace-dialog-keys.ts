// Keys in the workspace's dialogs: the note, the silence's duration, comment and matchers, the
// export's format and path, the search line, a skip's reason, and the quit and close questions.
// Each ends back in the checklist with what it asked for as an intent, or cancelled.
import type { Matcher } from '../../core/alerts/matchers.js';
import { identifyingMatchers, silenceMatchersFor } from '../../core/alerts/silence-matchers.js';
import { formatSilenceMatchers, parseSilenceMatchers } from '../../core/alerts/silence-text.js';
import { errorMessage } from '../../core/errors.js';
import { textFieldKey } from './text-field.js';
import { exportFormats, silenceDurations } from './workspace-dialog.js';
import type { WorkspaceMode } from './workspace-mode.js';
import { searchFor, toNextOpenStep } from './workspace-moves.js';
import { stay, withMode, type KeyOutcome } from './workspace-outcome.js';
import type { WorkspaceState } from './workspace-state.js';

/** The modes that are dialogs over the checklist (the past's views have keys of their own). */
export type DialogMode = Exclude<WorkspaceMode, { kind: 'checklist' | 'past-list' | 'past-view' }>;

/** One key in a dialog. */
export function dialogKey(state: WorkspaceState, mode: DialogMode, key: string): KeyOutcome {
  switch (mode.kind) {
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
