// The alert's past incidents, full screen in the workspace: the list (same identifying labels
// first) with the selected one's details, or one incident's timeline, read-only.
import { Box } from 'ink';
import { Text } from './text.js';
import { describePastIncident, pastIncidentLine } from '../../core/history/past-incidents.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { pastViewLines, pastViewRows } from '../state/workspace-past.js';
import type { WorkspaceMode } from '../state/workspace-mode.js';
import type { WorkspaceState } from '../state/workspace-state.js';

type PastMode = Extract<WorkspaceMode, { kind: 'past-list' | 'past-view' }>;

/** The list of past incidents or one of them, by the workspace's mode. */
export function PastIncidentsScreen({ workspace, mode }: { workspace: WorkspaceState; mode: PastMode }) {
  const incidents = workspace.past.kind === 'loaded' ? (workspace.past.past.incidents ?? []) : [];
  const name = sanitizeLine(workspace.incident?.alertname ?? '', 80);
  const rows = pastViewRows(workspace.size);
  if (mode.kind === 'past-view') {
    const lines = pastViewLines(mode.lines, workspace.size.width);
    const shown = lines.slice(mode.scroll, mode.scroll + rows);
    const position =
      lines.length > rows
        ? `lines ${mode.scroll + 1}–${mode.scroll + shown.length} of ${lines.length} · `
        : '';
    return (
      <Box flexDirection="column">
        <Text bold wrap="truncate">
          {sanitizeLine(mode.id, 120)}
          <Text dimColor> · read-only · timeline, UTC</Text>
        </Text>
        {mode.lines === undefined ? <Text dimColor>reading its journal…</Text> : null}
        {shown.map((line, i) => (
          <Text key={i} wrap="truncate">
            {line === '' ? ' ' : line}
          </Text>
        ))}
        <Text dimColor wrap="truncate">
          {position}j/k J/K scroll · esc back to the list
        </Text>
      </Box>
    );
  }
  const selected = incidents[mode.index];
  const details = selected ? describePastIncident(selected) : [];
  const listRows = Math.max(1, Math.min(incidents.length, rows - details.length - 1));
  const start = Math.max(0, Math.min(mode.index - Math.floor(listRows / 2), incidents.length - listRows));
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        Past incidents of {name}
        <Text dimColor> · same labels first · ⏎ shows one · esc back</Text>
      </Text>
      {incidents.slice(start, start + listRows).map((past, i) => {
        const index = start + i;
        return (
          <Text key={past.id} inverse={index === mode.index} wrap="truncate">
            {index === mode.index ? '›' : ' '} {pastIncidentLine(past)}
            {past.sameLabels ? '' : ' (other labels)'}
          </Text>
        );
      })}
      <Box flexDirection="column" marginTop={1}>
        {details.slice(0, Math.max(0, rows - listRows - 1)).map((line, i) => (
          <Text key={i} dimColor={i > 0} wrap="truncate">
            {line}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
