import { Box, Text } from 'ink';
import { bindingsFor, type KeyScope } from '../keymap.js';

const scopeTitles: Record<KeyScope, string> = {
  global: 'Everywhere',
  list: 'Lists',
  inbox: 'Inbox',
  workspace: 'Incident',
};

/** The `?` screen: every key of the current screen's scopes, generated from the keymap. */
export function HelpOverlay({ scopes }: { scopes: readonly KeyScope[] }) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Keys</Text>
      {scopes.map((scope) => (
        <Box key={scope} flexDirection="column" marginTop={1}>
          <Text underline>{scopeTitles[scope]}</Text>
          {bindingsFor([scope]).map((b) => (
            <Text key={b.action}>
              {b.label.padEnd(10)} {b.help}
            </Text>
          ))}
        </Box>
      ))}
      <Box marginTop={1}>
        <Text dimColor>? or esc closes this help</Text>
      </Box>
    </Box>
  );
}
