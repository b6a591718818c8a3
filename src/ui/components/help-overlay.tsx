import { Box } from 'ink';
import { padCells } from '../../core/format/cells.js';
import { Text } from './text.js';
import { bindingsFor, type KeyScope } from '../keymap.js';

const scopeTitles: Record<KeyScope, string> = {
  global: 'Everywhere',
  list: 'Lists',
  inbox: 'Inbox',
  workspace: 'Incident',
  terminal: 'Terminal',
};

/**
 * The `?` screen: every key of the current screen's scopes, generated from the keymap. Two
 * columns, so the whole of it fits an 80×24 terminal.
 */
export function HelpOverlay({ scopes }: { scopes: readonly KeyScope[] }) {
  const [first, ...rest] = scopes;
  return (
    <Box flexDirection="column">
      <Text bold>Keys (? or esc closes this help)</Text>
      <Box>
        <Box flexDirection="column" width="50%">
          {first === undefined ? null : <ScopeKeys scope={first} />}
        </Box>
        <Box flexDirection="column" width="50%">
          {rest.map((scope) => (
            <ScopeKeys key={scope} scope={scope} />
          ))}
        </Box>
      </Box>
    </Box>
  );
}

function ScopeKeys({ scope }: { scope: KeyScope }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text underline>{scopeTitles[scope]}</Text>
      {bindingsFor([scope]).map((b) => (
        <Text key={b.action} wrap="truncate">
          {padCells(b.label, 7)} {b.help}
        </Text>
      ))}
    </Box>
  );
}
