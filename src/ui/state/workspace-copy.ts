// Copy and open in the workspace: which text a copy key takes (the focused step's final queries,
// its commands, a link), and the links pane (every link whole, one chosen with j/k). Pure: the
// effects (OSC 52, the opener) are intents for the hook.
import { stepCommands } from '../../core/runbook/step-commands.js';
import type { Intent } from './intents.js';
import { wrapText } from './workspace-text.js';
import { focusedStepId, type WorkspaceLink, type WorkspaceState } from './workspace-state.js';

/** The next state and what to do (as workspace-outcome.ts's KeyOutcome). */
interface Outcome {
  readonly state: WorkspaceState;
  readonly intents: readonly Intent[];
}

const say = (state: WorkspaceState, message: string): Outcome => ({
  state: { ...state, message },
  intents: [],
});

/**
 * The focused step's probe queries as sent: the query of the last run's result (the variant
 * Prometheus could answer, labels filled in), else the planned one.
 */
export function focusedQueries(state: WorkspaceState): string[] {
  const stepId = focusedStepId(state);
  const step = stepId === undefined ? undefined : state.probeSteps[stepId];
  if (stepId === undefined || !step) return [];
  const results = state.probes[stepId]?.results ?? [];
  return step.probes.map((probe) => results.find((r) => r.probe.id === probe.id)?.probe.query ?? probe.query);
}

function copyIntent(what: string, texts: readonly string[]): Intent {
  const label = texts.length === 1 ? `the ${what}` : `${texts.length} ${what}s (one per line)`;
  return { type: 'copy', what: label, text: texts.join('\n') };
}

/** `y`: the focused step's queries; in the links pane, the chosen link. */
export function copyQuery(state: WorkspaceState): Outcome {
  if (state.pane === 'links') {
    const link = state.links?.[state.linkCursor ?? 0];
    if (!link) return say(state, 'No link to copy.');
    return { state, intents: [{ type: 'copy', what: 'the link', text: link.url }] };
  }
  const queries = focusedQueries(state);
  if (queries.length === 0) return say(state, 'This step has no probes: no query to copy.');
  return { state, intents: [copyIntent('query', queries)] };
}

/** `c`: the focused step's command(s), verbatim. */
export function copyCommand(state: WorkspaceState): Outcome {
  const stepId = focusedStepId(state);
  const step = state.incident?.steps.find((s) => s.step.id === stepId);
  const commands = step ? stepCommands(step.step.text) : [];
  if (commands.length === 0) return say(state, 'This step has no command (no code in its text).');
  return { state, intents: [copyIntent('command', commands)] };
}

/** `Y`: the graph link of the focused step's queries over the incident's time range. */
export function copyGraph(state: WorkspaceState): Outcome {
  const queries = focusedQueries(state);
  if (queries.length === 0) return say(state, 'This step has no probes: no graph to copy.');
  return { state, intents: [{ type: 'copyGraph', queries }] };
}

/** `o`: the links pane (asks the hook for the links), or back to the step from it. */
export function toggleLinks(state: WorkspaceState): Outcome {
  if (state.pane === 'links') return { state: { ...state, pane: 'step', detailScroll: 0 }, intents: [] };
  return { state, intents: [{ type: 'showLinks', queries: focusedQueries(state) }] };
}

/** ⏎ in the links pane: open the chosen link. */
export function openChosenLink(state: WorkspaceState): Outcome {
  const link = state.pane === 'links' ? state.links?.[state.linkCursor ?? 0] : undefined;
  if (!link) return { state, intents: [] };
  return { state, intents: [{ type: 'openLink', url: link.url }] };
}

/** j/k in the links pane: choose the next or previous link, scrolled into view. */
export function moveLink(state: WorkspaceState, by: 1 | -1): Outcome {
  const count = state.links?.length ?? 0;
  if (count === 0) return { state, intents: [] };
  const linkCursor = Math.max(0, Math.min(count - 1, (state.linkCursor ?? 0) + by));
  const width = state.size.width;
  const before = (state.links ?? []).slice(0, linkCursor).flatMap((l, i) => linkLines(l, i, false, width));
  return { state: { ...state, linkCursor, detailScroll: before.length }, intents: [] };
}

/** The links pane: each link numbered under its label, whole (wrapped, never cut), the chosen one marked. */
export function linksPaneLines(state: WorkspaceState, width: number): string[] {
  const links = state.links ?? [];
  if (links.length === 0) return ['No links for this alert.'];
  return links.flatMap((link, i) => linkLines(link, i, i === (state.linkCursor ?? 0), width));
}

function linkLines(link: WorkspaceLink, index: number, chosen: boolean, width: number): string[] {
  const [first = '', ...more] = wrapText(link.label, Math.max(1, width - 5));
  const head = `${chosen ? '›' : ' '} ${`${index + 1}. `.padEnd(3)}${first}`;
  const indented = [...more, ...wrapText(link.url, Math.max(1, width - 5))].map((l) => `     ${l}`);
  return [head, ...indented];
}
