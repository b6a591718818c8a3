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

/** A row's parts, left to right, and how it is drawn. */
export interface RowTextProps {
  readonly selected: boolean;
  /** Dimmed (a skipped step). */
  readonly dimColor?: boolean | undefined;
  /** The cells the row may take; a row wider than that is cut with `…` at the end. */
  readonly width: number;
  /** The cursor marker and what follows it (a severity, a step's mark): `leadWidth` cells. */
  readonly lead: ReactNode;
  readonly leadWidth: number;
  /** A group's fold mark: one cell. */
  readonly fold?: string | undefined;
  readonly rest: string;
  /** Coloured words after the rest (a step's probe count). */
  readonly suffix?: { readonly text: string; readonly color: string } | undefined;
}

/**
 * A row, inverse when selected, as one line of `width` cells at most. A row wider than that is
 * one Text cut with `…` at the end; one that fits is drawn as its parts side by side.
 */
export function RowText(props: RowTextProps) {
  const { selected, dimColor = false, width, lead, leadWidth, fold, rest, suffix } = props;
  const tail = suffix === undefined ? null : <Text color={suffix.color}>{suffix.text}</Text>;
  const restWidth = cellWidth(rest) + (suffix === undefined ? 0 : cellWidth(suffix.text));
  if (leadWidth + (fold === undefined ? 0 : 1) + restWidth > width)
    return (
      <Text inverse={selected} dimColor={dimColor} wrap="truncate">
        {lead}
        {fold}
        {rest}
        {tail}
      </Text>
    );
  return (
    <Box>
      <Text inverse={selected} dimColor={dimColor}>
        {lead}
      </Text>
      {fold === undefined ? null : (
        <Text inverse={selected} dimColor={dimColor}>
          {fold}
        </Text>
      )}
      <Text inverse={selected} dimColor={dimColor}>
        {rest}
        {tail}
      </Text>
    </Box>
  );
}
