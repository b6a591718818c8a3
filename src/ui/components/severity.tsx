import { fitCells } from '../../core/format/cells.js';
import { cutText, sanitizeLine } from '../../core/sanitize.js';
import { Text } from './text.js';

const colours: Record<string, string> = {
  critical: 'red',
  page: 'red',
  error: 'red',
  high: 'red',
  warning: 'yellow',
  medium: 'yellow',
  info: 'blue',
};

/** The longest severity shown when no column width is given: a label value can be any length. */
const maxSeverityLength = 16;

/** A severity word in its colour (Ink drops colour under NO_COLOR), cut to its column. */
export function Severity({ severity, width }: { severity: string; width?: number }) {
  const clean = sanitizeLine(severity);
  const text = width === undefined ? cutText(clean, maxSeverityLength) : fitCells(clean, width);
  const colour = colours[clean];
  return colour === undefined ? <Text>{text}</Text> : <Text color={colour}>{text}</Text>;
}
