// Moving through the checklist by content: `/` finds the rows whose runbook text holds the words,
// n/N go to the next or previous of them; after a step is done or skipped, the next open step.
import { sanitizeLine } from '../../core/sanitize.js';
import type { WorkspaceState } from './workspace-state.js';

/** The checklist rows (indexes) whose text contains `query`, ignoring case. */
export function searchMatches(state: WorkspaceState, query: string): number[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [];
  const steps = new Map((state.incident?.steps ?? []).map((s) => [s.step.id, s.step.text]));
  const matches: number[] = [];
  state.items.forEach((id, index) => {
    const probeStep = state.probeSteps[id];
    const text = [
      steps.get(id) ?? '',
      probeStep?.title ?? '',
      ...(probeStep?.probes ?? []).map((p) => p.title),
    ]
      .map((text) => sanitizeLine(text))
      .join(' ')
      .toLowerCase();
    if (text.includes(wanted)) matches.push(index);
  });
  return matches;
}

/** The match after (or before) the cursor, wrapping around; undefined when nothing matches. */
export function matchFrom(
  matches: readonly number[],
  cursor: number,
  direction: 1 | -1,
  includeCursor = false,
) {
  if (matches.length === 0) return undefined;
  if (direction === 1) {
    return matches.find((i) => (includeCursor ? i >= cursor : i > cursor)) ?? matches[0];
  }
  return [...matches].reverse().find((i) => i < cursor) ?? matches[matches.length - 1];
}

/** "match 2 of 3 for “port”", for the message line. */
export function matchMessage(matches: readonly number[], index: number, query: string): string {
  const position = matches.indexOf(index) + 1;
  return `match ${position} of ${matches.length} for “${query}” · n/N next/previous · esc clears`;
}

/**
 * The row of the next step still to do after `from` (wrapping to the top), not counting `from`
 * itself, which was just done or skipped; undefined when every other step is finished.
 */
export function nextOpenStep(state: WorkspaceState, from: number): number | undefined {
  const status = new Map((state.incident?.steps ?? []).map((s) => [s.step.id, s.status]));
  const count = state.items.length;
  for (let offset = 1; offset < count; offset += 1) {
    const index = (from + offset) % count;
    const id = state.items[index];
    if (id !== undefined && status.get(id) === 'todo') return index;
  }
  return undefined;
}
