import { Box } from 'ink';
import { Text } from './text.js';
import { bindingsFor, type Binding, type KeyScope } from '../keymap.js';

/** Keys the first column holds: an 80×24 terminal's rows less the header, title and gaps; the rest go on in the second. */
const firstColumnRows = 17;

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
  const firstKeys = first === undefined ? [] : bindingsFor([first]);
  return (
    <Box flexDirection="column">
      <Text bold>Keys (? or esc closes this help)</Text>
      <Box>
        <Box flexDirection="column" width="50%">
          {first === undefined ? null : (
            <ScopeKeys title={scopeTitles[first]} bindings={firstKeys.slice(0, firstColumnRows)} />
          )}
        </Box>
        <Box flexDirection="column" width="50%">
          {/* The first scope's keys that did not fit go on at the top of the second column, beside the title. */}
          {firstKeys.length > firstColumnRows ? (
            <Box flexDirection="column" marginTop={1}>
              <KeyRows bindings={firstKeys.slice(firstColumnRows)} />
            </Box>
          ) : null}
          {rest.map((scope) => (
            <ScopeKeys key={scope} title={scopeTitles[scope]} bindings={bindingsFor([scope])} />
          ))}
        </Box>
      </Box>
    </Box>
  );
}

function ScopeKeys({ title, bindings }: { title: string; bindings: readonly Binding[] }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text underline>{title}</Text>
      <KeyRows bindings={bindings} />
    </Box>
  );
}

function KeyRows({ bindings }: { bindings: readonly Binding[] }) {
  return bindings.map((b) => (
    <Text key={b.action} wrap="truncate">
      {b.label.padEnd(7)} {b.help}
    </Text>
  ));
}
