// How the workspace shares the terminal's rows: the context (Meaning, Impact), the checklist, the
// pane under it (the focused step's text, the alert, or the timeline) and the probes. Pure, so the
// reducer can bound scrolling by what the view will show.
import { formatUtc } from '../../core/export/format.js';
import { timelineRows } from '../../core/export/timeline-rows.js';
import { probeViewLines } from './probe-view.js';
import { appChrome } from './workspace-text.js';
import { linksPaneLines } from './workspace-copy.js';
import { alertPaneLines } from './workspace-alert.js';
import { contextLines, paneHeights, wrapText } from './workspace-text.js';
import { focusedStepId, type WorkspaceState } from './workspace-state.js';
import { pastRows } from './workspace-past.js';
import { dialogRows } from './workspace-dialog.js';

/** Rows a dialog takes (border, title, field, hint). */

export interface WorkspaceLayout {
  /** Meaning, Impact and notes: one line each when folded, whole when open. */
  readonly context: readonly string[];
  /** Rows of the alert's past (history, last time) under the context. */
  readonly past: number;
  /** Checklist rows shown. */
  readonly checklist: number;
  /** Every line of the pane under the checklist. */
  readonly lines: readonly string[];
  /** The lines shown, from `scroll`. */
  readonly detailRows: number;
  readonly scroll: number;
  readonly probeRows: number;
  /** True when the pane shows the probes' queries or a chart (see probe-view.ts) instead of the probe lines. */
  readonly probeView: boolean;
}

/** Rows the pane under the checklist needs at least: three of text, three of probes. */
const minPaneRows = 6;

/** The layout of the workspace at its screen size. */
export function workspaceLayout(state: WorkspaceState): WorkspaceLayout {
  const { rows, width } = state.size;
  const context = contextLines(state.runbook, state.contextOpen, width);
  const compact = state.mode.kind !== 'checklist';
  const wantedChecklist = compact
    ? Math.min(3, state.items.length)
    : Math.min(state.items.length, state.list.height);
  const stepId = focusedStepId(state);
  const probeStep = stepId === undefined ? undefined : state.probeSteps[stepId];
  // A probe view (queries, chart) takes the probe lines' rows too: the view shows no probe lines.
  const probeLines =
    state.pane === 'step' && probeStep ? (state.probeView ? 0 : probeStep.probes.length * 3 + 1) : 1;
  const past = pastRows(state);
  const message = (state.message === undefined ? 0 : 1) + (state.recording.ok ? 0 : 1);
  // title, alert line, runbook line; checklist gap; pane border; scroll line; probe age; messages.
  const around = appChrome + 3 + context.length + past + 1 + 1 + 1 + 1 + message + dialogRows(state);
  // The pane keeps its least rows (text and probes, 3 each): on a short terminal the checklist
  // gives up rows around its cursor rather than the frame growing past the screen.
  const checklist = Math.max(1, Math.min(wantedChecklist, rows - around - minPaneRows));
  const fixed = around + checklist;
  // A probe view (queries, chart) takes the pane in place of the text, sized to what the pane can get.
  const viewRows = paneHeights(rows - fixed, Number.MAX_SAFE_INTEGER, probeLines).detail;
  const view = probeViewLines(state, width, viewRows);
  const lines = view ?? paneLines(state, width);
  const heights = paneHeights(rows - fixed, lines.length, probeLines);
  const scroll = Math.max(0, Math.min(state.detailScroll, lines.length - heights.detail));
  return {
    context,
    past,
    checklist,
    lines,
    detailRows: heights.detail,
    scroll,
    probeRows: heights.probes,
    probeView: view !== undefined,
  };
}

/** The furthest the pane can scroll at this size. */
export function maxDetailScroll(state: WorkspaceState): number {
  const layout = workspaceLayout(state);
  return Math.max(0, layout.lines.length - layout.detailRows);
}

/** The export's timeline rows, oldest first, each wrapped under its time. */
function timelinePaneLines(state: WorkspaceState, width: number): string[] {
  if (!state.incident || !state.events) return ['The timeline is not available for this incident.'];
  return timelineRows(state.incident, state.events).flatMap((row) =>
    wrapText(`${formatUtc(row.at)}  ${row.text}`, width),
  );
}

function paneLines(state: WorkspaceState, width: number): string[] {
  switch (state.pane) {
    case 'alert':
      return alertPaneLines(state, width);
    case 'timeline':
      return timelinePaneLines(state, width);
    case 'links':
      return linksPaneLines(state, width);
    case 'step': {
      const stepId = focusedStepId(state);
      const step = state.incident?.steps.find((s) => s.step.id === stepId);
      if (step) return wrapText(step.step.text, width);
      const probeStep = stepId === undefined ? undefined : state.probeSteps[stepId];
      return probeStep ? wrapText(probeStep.title, width) : [];
    }
    default: {
      const unreachable: never = state.pane;
      return unreachable;
    }
  }
}
