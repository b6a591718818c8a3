import { Box } from 'ink';
import { padCells } from '../../core/format/cells.js';
import { Text } from './text.js';
import { helpEntries, scopeNotes, type KeyScope } from '../keymap.js';
import { wrapText } from '../state/workspace-text.js';
import { helpColumns, minColumnWidth, type HelpLine } from './help-columns.js';

const scopeTitles: Record<KeyScope, string> = {
  global: 'Everywhere',
  list: 'Lists',
  inbox: 'Inbox',
  workspace: 'Incident',
  terminal: 'Terminal',
};

/**
 * The `?` screen: every key of the current screen's scopes (and the terminal keys), generated
 * from the keymap, in as many columns as it takes to fit `rows` × `width` (two at 80×24). If a
 * terminal is too small for even that, it says how many keys are left out.
 */
export function HelpOverlay(props: { scopes: readonly KeyScope[]; rows: number; width: number }) {
  const { rows, width } = props;
  const scopes = props.scopes.includes('terminal') ? props.scopes : [...props.scopes, 'terminal' as const];
  const sections = scopes.map((scope) => {
    const note = scopeNotes[scope];
    return {
      title: scopeTitles[scope],
      keys: helpEntries([scope]),
      ...(note === undefined ? {} : { note: wrapText(note, minColumnWidth - 1) }),
    };
  });
  // The title line and the blank line under it; one line kept for the note about hidden keys.
  const { columns, hidden } = helpColumns(
    sections,
    rows - 3,
    Math.max(1, Math.floor(width / minColumnWidth)),
  );
  const columnWidth = Math.floor(width / columns.length);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>Keys (? or esc closes this help)</Text>
      <Box marginTop={1}>
        {columns.map((lines, index) => (
          <Box key={index} flexDirection="column" width={columnWidth} paddingRight={1}>
            {lines.map((line, row) => (
              <HelpRow key={row} line={line} />
            ))}
          </Box>
        ))}
      </Box>
      {hidden > 0 ? (
        <Text color="yellow" wrap="truncate">
          {hidden} more keys do not fit: make the terminal larger to see them.
        </Text>
      ) : null}
    </Box>
  );
}

function HelpRow({ line }: { line: HelpLine }) {
  switch (line.kind) {
    case 'title':
      return <Text underline>{line.text}</Text>;
    case 'gap':
      return <Text> </Text>;
    case 'note':
      return (
        <Text dimColor wrap="truncate">
          {line.text}
        </Text>
      );
    case 'key':
      return (
        <Text wrap="truncate">
          {padCells(line.label, 7)} {line.help}
        </Text>
      );
    default: {
      const unreachable: never = line;
      return unreachable;
    }
  }
}
