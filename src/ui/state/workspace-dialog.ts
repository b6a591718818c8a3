// The workspace's dialogs as the layout needs them: what they offer, what they say, and how many
// rows each takes, so the frame can make room for it (the screen draws them in workspace-dialogs.tsx).
import { cellWidth } from '../../core/format/cells.js';
import { alertStatus } from '../../core/timeline/alert-status.js';
import type { WorkspaceState } from './workspace-state.js';

/** The silence durations the dialog offers. */
export const silenceDurations = [
  { label: '30 minutes', ms: 30 * 60_000 },
  { label: '1 hour', ms: 60 * 60_000 },
  { label: '2 hours', ms: 2 * 60 * 60_000 },
  { label: '4 hours', ms: 4 * 60 * 60_000 },
  { label: '1 day', ms: 24 * 60 * 60_000 },
] as const;

/** The export formats the dialog offers. */
export const exportFormats = [
  { label: 'Markdown postmortem notes', value: 'md' },
  { label: 'JSON (every event, for other tools)', value: 'json' },
  { label: 'HTML (one file, charts inline)', value: 'html' },
] as const;

/** What closing would leave behind, in words: alerts still firing, mitigation steps still open. */
export function closeTruth(workspace: WorkspaceState): string {
  const incident = workspace.incident;
  if (!incident) return '';
  const status = alertStatus(incident);
  const mitigation = incident.steps.filter((s) => s.step.section === 'mitigation');
  const open = mitigation.filter((s) => s.status === 'todo').length;
  const parts = [
    status.kind === 'firing'
      ? status.total > 1
        ? `${status.firing} of ${status.total} alerts are still firing`
        : 'The alert is still firing'
      : status.total > 1
        ? 'All its alerts are resolved'
        : 'The alert is resolved',
    open > 0 ? `${open} of ${mitigation.length} mitigation steps are still open` : undefined,
  ].filter((p): p is string => p !== undefined);
  const done = status.kind === 'resolved' && open === 0;
  return `${parts.join('; ')}.${done ? ' Nothing more to do on it.' : ''}`;
}

/** The quit dialog's words, while events wait to be written. */
export function quitWarning(pending: number): string {
  return `${pending} events are not on disk yet. Quit anyway and lose them? y quits · any other key stays`;
}

/** The close dialog's keys line. */
export function closeKeys(activeSilences: number): string {
  return activeSilences > 0
    ? `y closes it and expires the ${activeSilences} silence(s) it created · k closes and keeps them · esc cancels`
    : 'y closes it · esc cancels';
}

// A bordered dialog: its border (2) around lines that wrap inside the border and padding (4 columns).
const framed = (lines: number) => 2 + lines;

/**
 * Rows the open dialog takes at the screen's width. Every line of a dialog is cut to one row except
 * the close and quit dialogs' sentences, which wrap and are counted wrapped.
 */
export function dialogRows(state: WorkspaceState): number {
  const inner = Math.max(10, state.size.width - 4);
  const wrapped = (text: string, width = inner) => Math.max(1, Math.ceil(cellWidth(text) / width));
  const { mode } = state;
  switch (mode.kind) {
    case 'checklist':
    case 'past-list':
    case 'past-view':
      return 0;
    case 'note':
    case 'silence-comment':
    case 'export-path':
    case 'search':
    case 'skip-reason':
      return framed(2);
    case 'silence-duration':
      return framed(1 + silenceDurations.length);
    case 'export-format':
      return framed(1 + exportFormats.length);
    case 'silence-confirm':
      return framed(mode.error === undefined ? 4 : 5);
    case 'confirm-quit':
      return wrapped(quitWarning(state.recording.pending), Math.max(10, state.size.width));
    case 'confirm-close':
      return framed(1 + wrapped(closeTruth(state)) + wrapped(closeKeys(mode.activeSilences)));
    default: {
      const unreachable: never = mode;
      return unreachable;
    }
  }
}
