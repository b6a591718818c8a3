import { Box } from 'ink';
import { Text } from './text.js';
import { bindingsFor, type Binding, type KeyScope } from '../keymap.js';

const scopeTitles: Record<KeyScope, string> = {
  global: 'Everywhere',
  list: 'Lists',
  inbox: 'Inbox',
  workspace: 'Incident',
};

/**
 * The `?` screen: every key of the current screen's scopes, generated from the keymap. Two
 * columns of about equal height, so the whole of it fits an 80×24 terminal: a scope too long for
 * the first column continues at the top of the second.
 */
export function HelpOverlay({ scopes }: { scopes: readonly KeyScope[] }) {
  const [left, right] = helpColumns(scopes);
  return (
    <Box flexDirection="column">
      <Text bold>Keys (? or esc closes this help)</Text>
      <Box>
        <Box flexDirection="column" width="50%">
          {left.map((section) => (
            <ScopeKeys key={section.title} {...section} />
          ))}
        </Box>
        <Box flexDirection="column" width="50%">
          {right.map((section) => (
            <ScopeKeys key={section.title} {...section} />
          ))}
        </Box>
      </Box>
    </Box>
  );
}

interface HelpSection {
  readonly title: string;
  readonly bindings: readonly Binding[];
}

/** The scopes' sections in two columns: the first takes rows up to half of them all. */
function helpColumns(scopes: readonly KeyScope[]): [HelpSection[], HelpSection[]] {
  const sections = scopes.map((scope) => ({ title: scopeTitles[scope], bindings: bindingsFor([scope]) }));
  // A section takes its bindings plus its gap and title.
  const total = sections.reduce((rows, section) => rows + section.bindings.length + 2, 0);
  let room = Math.ceil(total / 2);
  const left: HelpSection[] = [];
  const right: HelpSection[] = [];
  for (const section of sections) {
    const fits = Math.max(0, Math.min(section.bindings.length, room - 2));
    if (right.length === 0 && fits === section.bindings.length) left.push(section);
    else if (right.length === 0 && fits > 0) {
      left.push({ title: section.title, bindings: section.bindings.slice(0, fits) });
      right.push({ title: `${section.title} (more)`, bindings: section.bindings.slice(fits) });
    } else right.push(section);
    room -= section.bindings.length + 2;
  }
  return [left, right];
}

function ScopeKeys({ title, bindings }: HelpSection) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text underline>{title}</Text>
      {bindings.map((b) => (
        <Text key={b.action} wrap="truncate">
          {b.label.padEnd(7)} {b.help}
        </Text>
      ))}
    </Box>
  );
}
