// The `?` overlay's layout: its sections (a title and its keys) flowed down columns of a given
// height, as many columns as needed up to what the width allows. A section too long for the rest
// of a column continues at the top of the next, under its title again.

/** One line of the overlay. */
export type HelpLine =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'key'; readonly label: string; readonly help: string }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'gap' };

/** A titled group of keys: one keymap scope. */
export interface HelpSection {
  readonly title: string;
  readonly keys: readonly { readonly label: string; readonly help: string }[];
  /** Lines under the keys that state a rule one line of help cannot (already wrapped). */
  readonly note?: readonly string[];
}

/** The columns to draw, and how many keys did not fit (none unless the terminal is very small). */
export interface HelpColumns {
  readonly columns: readonly (readonly HelpLine[])[];
  readonly hidden: number;
}

/** Narrowest column worth having: a 7-cell key label and most of a help text. */
export const minColumnWidth = 34;

/** Lays out `sections` in columns of at most `height` lines, at most `maxColumns` of them. */
export function helpColumns(
  sections: readonly HelpSection[],
  height: number,
  maxColumns: number,
): HelpColumns {
  const rows = Math.max(2, height);
  const columns: HelpLine[][] = [[]];
  const current = () => columns[columns.length - 1] ?? [];
  const newColumn = () => columns.push([]);
  for (const section of sections) {
    // A gap separates a section from the one above; a title goes where at least two of its keys
    // fit under it, so no title is left alone with one key at the foot of a column.
    if (current().length > 0) {
      if (current().length + 2 + Math.min(2, section.keys.length) > rows) newColumn();
      else current().push({ kind: 'gap' });
    }
    current().push({ kind: 'title', text: section.title });
    const lines: HelpLine[] = [
      ...section.keys.map((key) => ({ kind: 'key' as const, ...key })),
      ...(section.note ?? []).map((text) => ({ kind: 'note' as const, text })),
    ];
    for (const line of lines) {
      if (current().length >= rows) {
        newColumn();
        current().push({ kind: 'title', text: `${section.title} (continued)` });
      }
      current().push(line);
    }
  }
  const shown = columns.slice(0, Math.max(1, maxColumns));
  const keysIn = (cols: readonly (readonly HelpLine[])[]) =>
    cols.reduce((sum, col) => sum + col.filter((line) => line.kind === 'key').length, 0);
  return { columns: shown, hidden: keysIn(columns) - keysIn(shown) };
}
