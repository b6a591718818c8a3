// Text measured as a terminal draws it: in cells, not characters. A CJK character or most emoji
// take two cells, a combining mark or a zero-width joiner none, and an emoji ZWJ sequence
// (👩‍💻) is one two-cell picture made of several code points. Columns line up only when padding
// and cutting count cells and never split a grapheme (what the reader sees as one character).
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Printable ASCII is one cell a character: the common case, measured without segmenting.
const printableAscii = /^[\x20-\x7e]*$/;

/** How many terminal cells `text` takes (escape sequences count as none). */
export function cellWidth(text: string): number {
  return printableAscii.test(text) ? text.length : stringWidth(text);
}

/**
 * `text` cut to at most `maxCells` cells, ending in `…` (one cell) when cut. Cuts between
 * graphemes only: a wide character that does not fit is left out whole, never halved.
 */
export function cutCells(text: string, maxCells: number): string {
  if (printableAscii.test(text)) {
    return text.length <= maxCells ? text : `${text.slice(0, Math.max(0, maxCells - 1))}…`;
  }
  let used = 0;
  // End of the longest prefix that leaves a cell for the ellipsis.
  let roomForEllipsis = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    used += stringWidth(segment);
    if (used > maxCells) return `${text.slice(0, roomForEllipsis)}…`;
    if (used <= maxCells - 1) roomForEllipsis = index + segment.length;
  }
  return text;
}

/** `text` with spaces after it to fill `cells` cells (unchanged when already as wide). */
export function padCells(text: string, cells: number): string {
  return text + ' '.repeat(Math.max(0, cells - cellWidth(text)));
}

/** `text` with spaces before it to fill `cells` cells: right-aligned numbers. */
export function padCellsStart(text: string, cells: number): string {
  return ' '.repeat(Math.max(0, cells - cellWidth(text))) + text;
}

/** `text` cut (with `…`) or padded to exactly `cells` cells: one table cell. */
export function fitCells(text: string, cells: number): string {
  return padCells(cutCells(text, cells), cells);
}

/**
 * `text` cut into pieces of at most `cells` cells each, between graphemes: a word too long for
 * its line. A grapheme wider than `cells` still gets a piece of its own.
 */
export function splitCells(text: string, cells: number): string[] {
  if (cellWidth(text) <= cells) return [text];
  const pieces: string[] = [];
  let current = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const width = stringWidth(segment);
    if (used + width > cells && current !== '') {
      pieces.push(current);
      current = '';
      used = 0;
    }
    current += segment;
    used += width;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}
