import { Box } from 'ink';
import { Text } from './text.js';
import { bindingsFor, scopeNotes, type Binding, type KeyScope } from '../keymap.js';

const scopeTitles: Record<KeyScope, string> = {
  global: 'Everywhere',
  list: 'Lists',
  inbox: 'Inbox',
  workspace: 'Incident',
};

/**
 * The `?` screen: every key of the current screen's scopes, generated from the keymap. Two
 * columns, so the whole of it fits an 80×24 terminal.
 */
export function HelpOverlay({ scopes }: { scopes: readonly KeyScope[] }) {
  const [first, ...rest] = scopes;
  // The first scope's keys that do not fit beside the others continue at the top of the second
  // column, so the two columns stay about as long as each other.
  const firstKeys = first === undefined ? [] : bindingsFor([first]);
  // A note wraps in its half of the screen: about 36 columns at 80.
  const noteRows = (scope: KeyScope) => Math.ceil((scopeNotes[scope]?.length ?? 0) / 36);
  const restRows = rest.reduce((rows, scope) => rows + 2 + bindingsFor([scope]).length + noteRows(scope), 0);
  const split = Math.max(0, Math.ceil((firstKeys.length + 2 + restRows) / 2) - 2);
  const moved = firstKeys.length > split + 2 ? firstKeys.slice(split) : [];
  const kept = moved.length > 0 ? firstKeys.slice(0, split) : firstKeys;
  return (
    <Box flexDirection="column">
      <Text bold>Keys (? or esc closes this help)</Text>
      <Box>
        <Box flexDirection="column" width="50%">
          {first === undefined ? null : (
            <ScopeKeys
              title={scopeTitles[first]}
              bindings={kept}
              note={moved.length === 0 ? scopeNotes[first] : undefined}
            />
          )}
        </Box>
        <Box flexDirection="column" width="50%">
          {first === undefined || moved.length === 0 ? null : (
            <ScopeKeys title={`${scopeTitles[first]} (more)`} bindings={moved} note={scopeNotes[first]} />
          )}
          {rest.map((scope) => (
            <ScopeKeys
              key={scope}
              title={scopeTitles[scope]}
              bindings={bindingsFor([scope])}
              note={scopeNotes[scope]}
            />
          ))}
        </Box>
      </Box>
    </Box>
  );
}

function ScopeKeys(props: { title: string; bindings: readonly Binding[]; note: string | undefined }) {
  const { title, bindings, note } = props;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text underline>{title}</Text>
      {bindings.map((b) => (
        <Text key={b.action} wrap="truncate">
          {b.label.padEnd(7)} {b.help}
        </Text>
      ))}
      {note === undefined ? null : <Text dimColor>{note}</Text>}
    </Box>
  );
}
