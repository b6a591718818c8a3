// One list row drawn as Ink draws it fastest. Ink measures the whole line of every Text on every
// frame (string-width), and a line holding any character outside printable ASCII takes a path
// about a hundred times slower than an ASCII one (it segments the line into graphemes): in the
// inbox, the fold mark of ~30 group rows and the cursor's marker made that a third of a frame's
// work. So a row that fits keeps those marks in short Texts of their own, beside an ASCII rest,
// and Ink draws the same characters to the same cells.
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { cellWidth } from '../../core/format/cells.js';
import { Text } from './text.js';

/** The cells a row's lead takes: the cursor marker, a space, the severity (9 cells), a space. */
export const rowLeadWidth = 12;

/**
 * A row: its lead (`rowLeadWidth` cells: marker and severity), a group's fold mark (one cell),
 * and the rest, inverse when selected, as one line of `width` cells at most. A row wider than
 * that is one Text cut with `…` at the end; one that fits is drawn as its parts side by side.
 */
export function RowText(props: {
  selected: boolean;
  width: number;
  lead: ReactNode;
  fold?: string | undefined;
  rest: string;
}) {
  const { selected, width, lead, fold, rest } = props;
  const foldWidth = fold === undefined ? 0 : 1;
  if (rowLeadWidth + foldWidth + cellWidth(rest) > width)
    return (
      <Text inverse={selected} wrap="truncate">
        {lead}
        {fold}
        {rest}
      </Text>
    );
  return (
    <Box>
      <Text inverse={selected}>{lead}</Text>
      {fold === undefined ? null : <Text inverse={selected}>{fold}</Text>}
      <Text inverse={selected}>{rest}</Text>
    </Box>
  );
}
