// string-width with a fast path for text every character of which is one cell wide on its own and
// never joins its neighbour into one grapheme: printable ASCII and Latin-1, general punctuation,
// arrows, mathematical operators, box drawing, block elements, most geometric shapes. Such text
// is as wide as it is long; anything else (emoji, CJK, combining marks, controls, escapes) goes to
// string-width. The bundle gives Ink this function for string-width (scripts/build.mjs): Ink
// measures every text node of every frame, and the inbox's "·", "…" and "●" sent each row through
// string-width's grapheme segmenter (about a tenth of the first frame's CPU at 1,000 alerts).
// test/core/format/narrow-width.test.ts checks every character of these ranges against
// string-width.
import stringWidth from 'string-width';

/** The same options as string-width's. */
export type WidthOptions = Parameters<typeof stringWidth>[1];

/** The fast path's characters, first and last code point of each range (all below U+FFFF). */
export const oneCellRanges: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0xff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2190, 0x21ff],
  [0x2200, 0x22ff],
  [0x2500, 0x25fc],
];

const codeUnit = (point: number) => `\\u${point.toString(16).padStart(4, '0')}`;
const oneCellEach = new RegExp(
  `^[${oneCellRanges.map(([from, to]) => `${codeUnit(from)}-${codeUnit(to)}`).join('')}]*$`,
);

/**
 * Colour and style codes (SGR, `ESC [ … m`): they take no cells (string-width strips them the same
 * way), and Ink's tokenizer reads each as it reads the code alone.
 */
// eslint-disable-next-line no-control-regex
export const styleCodes = /\u001b\[[0-9;]*m/g;

/** True when every character of `text` is one cell wide on its own and joins no neighbour. */
export function isOneCellEach(text: string): boolean {
  return oneCellEach.test(text);
}

/** Columns `text` takes in a terminal, as string-width counts them. */
export default function narrowWidth(text: string, options?: WidthOptions): number {
  if (options === undefined && typeof text === 'string') {
    if (oneCellEach.test(text)) return text.length;
    // Ink measures styled text too (a dimmed "·", a red "critical"): without its style codes it
    // is often one cell per character, and string-width's segmenter then costs its first-use set-up
    // (about 5 ms, several times that on a busy machine) for nothing.
    if (text.includes('\u001b')) {
      const bare = text.replace(styleCodes, '');
      if (oneCellEach.test(bare)) return bare.length;
    }
  }
  return stringWidth(text, options);
}
