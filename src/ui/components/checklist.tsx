// The workspace's checklist: the rows of the window the list state shows (or, under a dialog or on
// a short terminal, the rows around the cursor), one line each.
import { Box } from 'ink';
import { cellWidth } from '../../core/format/cells.js';
import { countOf } from '../../core/format/count.js';
import { sanitizeLine, sanitizeText } from '../../core/sanitize.js';
import { visibleRange } from '../state/list-state.js';
import type { WorkspaceState } from '../state/workspace-state.js';
import { RowText } from './row-text.js';

const statusMark = { todo: '○', done: '✓', skipped: '⊘' } as const;

/** The checklist rows in view: mark, short id, first line of the step, how many probes it has. */
export function Checklist(props: { workspace: WorkspaceState; rows: number; width: number }) {
  const { workspace, rows, width } = props;
  // While a dialog is open the checklist shrinks to the rows around the cursor to make room.
  // So does it on a terminal too short for its usual window (see workspaceLayout).
  const window = visibleRange(workspace.list);
  const squeezed = workspace.mode.kind !== 'checklist' || window.end - window.start > rows;
  const start = squeezed
    ? Math.max(0, Math.min(workspace.list.cursor - 1, workspace.items.length - rows))
    : window.start;
  const end = squeezed ? Math.min(workspace.items.length, start + rows) : window.end;
  const steps = new Map((workspace.incident?.steps ?? []).map((s) => [s.step.id, s]));
  return (
    <Box flexDirection="column" marginTop={1}>
      {workspace.items.slice(start, end).map((id, i) => {
        const index = start + i;
        const selected = index === workspace.list.cursor;
        const state = steps.get(id);
        const probes = workspace.probeSteps[id];
        const group = state?.step.group === undefined ? '' : `(${sanitizeLine(state.step.group)}) `;
        const label = state
          ? `${shortId(id)} ${group}${firstLines(state.step.text, 1)}`
          : (probes?.title ?? id);
        const mark = state ? statusMark[state.status] : '◆';
        const lead = `${selected ? '›' : ' '} ${mark} `;
        return (
          <RowText
            key={id}
            selected={selected}
            dimColor={state?.status === 'skipped'}
            width={width}
            lead={lead}
            leadWidth={cellWidth(lead)}
            rest={label}
            suffix={
              probes && probes.probes.length > 0
                ? { text: ` [${countOf(probes.probes.length, 'probe')}]`, color: 'cyan' }
                : undefined
            }
          />
        );
      })}
    </Box>
  );
}

/** D1, M2: a step id as the checklist shows it. */
function shortId(id: string): string {
  const [section, n] = id.split('-');
  return section === 'diagnosis' ? `D${n}` : section === 'mitigation' ? `M${n}` : id;
}

/** The first `count` non-empty lines of a step's text, sanitized, joined by spaces. */
function firstLines(text: string, count: number): string {
  return sanitizeText(text)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, count)
    .join(' ');
}
