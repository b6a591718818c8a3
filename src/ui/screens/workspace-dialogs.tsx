import { Box } from 'ink';
import { Text } from '../components/text.js';
import SelectInput from 'ink-select-input';
import { silenceMatchersFor } from '../../core/alerts/silence-matchers.js';
import { formatMatcher } from '../../core/alerts/matchers.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { exportFormats, silenceDurations } from '../state/workspace-keys.js';
import type { WorkspaceState } from '../state/workspace-state.js';

/** The dialog of the workspace's current mode, if any: note, silence, export, quit question. */
export function WorkspaceDialog({ workspace }: { workspace: WorkspaceState }) {
  const { mode } = workspace;
  switch (mode.kind) {
    case 'checklist':
      return null;
    case 'note':
      return <TextField label="Note (⏎ records it in the timeline, esc cancels)" text={mode.text} />;
    case 'silence-duration':
      return (
        <Box flexDirection="column" borderStyle="round" paddingX={1}>
          <Text bold>Silence for how long? (esc cancels)</Text>
          <Menu labels={silenceDurations.map((d) => d.label)} index={mode.index} />
        </Box>
      );
    case 'silence-comment':
      return (
        <TextField label="Why silence it? (a comment is required; ⏎ next, esc cancels)" text={mode.text} />
      );
    case 'silence-confirm': {
      const matchers = silenceMatchersFor(workspace.alerts).map(formatMatcher).join(', ');
      const duration =
        silenceDurations.find((d) => d.ms === mode.durationMs)?.label ?? `${mode.durationMs / 60_000} min`;
      return (
        <Box flexDirection="column" borderStyle="round" paddingX={1}>
          <Text bold>Create this silence in Alertmanager?</Text>
          <Text wrap="truncate">matchers: {sanitizeLine(matchers)}</Text>
          <Text>
            for {duration}: {sanitizeLine(mode.comment)}
          </Text>
          <Text>y or ⏎ creates it · n or esc cancels</Text>
        </Box>
      );
    }
    case 'export-format':
      return (
        <Box flexDirection="column" borderStyle="round" paddingX={1}>
          <Text bold>Export the postmortem notes as (esc cancels)</Text>
          <Menu labels={exportFormats.map((f) => f.label)} index={mode.index} />
        </Box>
      );
    case 'export-path':
      return <TextField label="Write to (⏎ writes, esc cancels)" text={mode.text} />;
    case 'confirm-quit':
      return (
        <Text color="yellow">
          {workspace.recording.pending} events are not on disk yet. Quit anyway and lose them? y quits · any
          other key stays
        </Text>
      );
    case 'confirm-close':
      return (
        <Box flexDirection="column" borderStyle="round" paddingX={1}>
          <Text bold>Close this incident? Nothing more to do on it.</Text>
          {mode.activeSilences > 0 ? (
            <Text>
              y closes it and expires the {mode.activeSilences} silence(s) it created · k closes and keeps
              them · esc cancels
            </Text>
          ) : (
            <Text>y closes it · esc cancels</Text>
          )}
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
      <Text bold>{label}</Text>
      <Text wrap="truncate-start">
        {sanitizeLine(text)}
        <Text inverse> </Text>
      </Text>
    </Box>
  );
}
