import { Box } from 'ink';
import { Text } from '../components/text.js';
import SelectInput from 'ink-select-input';
import { sanitizeLine } from '../../core/sanitize.js';
import {
  closeKeys,
  closeTruth,
  exportFormats,
  quitWarning,
  silenceDurations,
} from '../state/workspace-dialog.js';
import type { WorkspaceState } from '../state/workspace-state.js';

/** The dialog of the workspace's current mode, if any: note, silence, export, quit question. */
export function WorkspaceDialog({ workspace }: { workspace: WorkspaceState }) {
  const { mode } = workspace;
  switch (mode.kind) {
    case 'checklist':
    case 'past-list':
    case 'past-view':
      return null;
    case 'note':
      return <TextField label="Note (⏎ records it in the timeline, esc cancels)" text={mode.text} />;
    case 'silence-duration':
      return (
        <Box flexDirection="column" borderStyle="round" paddingX={1}>
          <Text bold wrap="truncate">
            Silence for how long? (esc cancels)
          </Text>
          <Menu labels={silenceDurations.map((d) => d.label)} index={mode.index} />
        </Box>
      );
    case 'silence-comment':
      return (
        <TextField label="Why silence it? (a comment is required; ⏎ next, esc cancels)" text={mode.text} />
      );
    case 'silence-confirm': {
      const duration =
        silenceDurations.find((d) => d.ms === mode.durationMs)?.label ?? `${mode.durationMs / 60_000} min`;
      const scope =
        mode.scope === 'alerts'
          ? "this incident's alerts, by their identifying labels"
          : 'EVERY alert of this name (the whole group)';
      return (
        <Box flexDirection="column" borderStyle="round" paddingX={1}>
          <Text bold wrap="truncate">
            Create this silence? It matches {scope}:
          </Text>
          <Text wrap="truncate-start">
            {sanitizeLine(mode.text)}
            <Text inverse> </Text>
          </Text>
          {mode.error ? (
            <Text color="red" wrap="truncate">
              {sanitizeLine(mode.error)}
            </Text>
          ) : null}
          <Text wrap="truncate">
            for {duration}: {sanitizeLine(mode.comment)}
          </Text>
          <Text dimColor wrap="truncate">
            edit the matchers · ⏎ creates it · tab{' '}
            {mode.scope === 'alerts' ? 'whole group' : 'these alerts only'} · esc cancels
          </Text>
        </Box>
      );
    }
    case 'export-format':
      return (
        <Box flexDirection="column" borderStyle="round" paddingX={1}>
          <Text bold wrap="truncate">
            Export the postmortem notes as (esc cancels)
          </Text>
          <Menu labels={exportFormats.map((f) => f.label)} index={mode.index} />
        </Box>
      );
    case 'export-path':
      return <TextField label="Write to (⏎ writes, esc cancels)" text={mode.text} />;
    case 'search':
      return (
        <TextField label="Search the runbook (⏎ goes to the first match, esc cancels)" text={mode.text} />
      );
    case 'skip-reason':
      return (
        <TextField
          label="Why skip this step? (recorded; ⏎ alone skips with no reason; esc cancels)"
          text={mode.text}
        />
      );
    case 'confirm-quit':
      return <Text color="yellow">{quitWarning(workspace.recording.pending)}</Text>;
    case 'confirm-close':
      return (
        <Box flexDirection="column" borderStyle="round" paddingX={1}>
          <Text bold>Close this incident?</Text>
          <Text>{closeTruth(workspace)}</Text>
          <Text>{closeKeys(mode.activeSilences)}</Text>
        </Box>
      );
    default: {
      const unreachable: never = mode;
      return unreachable;
    }
  }
}

/**
 * A one-shot menu drawn by ink-select-input. Its keys go through our reducer like every other key
 * (a burst such as ↓⏎ picks the right row), so the component only draws the highlighted row.
 */
function Menu({ labels, index }: { labels: readonly string[]; index: number }) {
  const items = labels.map((label, i) => ({ key: String(i), label, value: i }));
  return <SelectInput key={index} items={items} initialIndex={index} isFocused={false} />;
}

function TextField({ label, text }: { label: string; text: string }) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold wrap="truncate">
        {label}
      </Text>
      <Text wrap="truncate-start">
        {sanitizeLine(text)}
        <Text inverse> </Text>
      </Text>
    </Box>
  );
}
