// The export's Markdown rendered to HTML by micromark, in pieces. micromark keeps every token of
// a document until the end, so a 10,000-row timeline and a 10,000-item list of notes took seconds,
// most of it in the garbage collector. A table's rows and a tight list's items render the same on
// their own, so a long table is rendered some rows at a time (each piece under the same header)
// and a long list some items at a time, and the pieces' rows and items are joined: the same bytes
// as one micromark call (checked against it in the tests), in a fraction of the time.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

/** Rows (or list items) per micromark call. */
const perPiece = 200;

/** Markdown (the export's, with no fenced code in it) as HTML: what micromark with GFM gives. */
export function renderMarkdown(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let from = 0;
  let index = 0;
  while (index < lines.length) {
    const block = longBlockAt(lines, index);
    if (block === undefined) {
      index += 1;
      continue;
    }
    // The text before the block ends with a blank line: it renders on its own.
    out.push(render(lines.slice(from, index).join('\n')));
    out.push(block.render(lines.slice(index, block.end)));
    // The blank line after the block starts the next text.
    from = block.end;
    index = block.end;
  }
  out.push(render(lines.slice(from).join('\n')));
  return out.join('');
}

function render(markdown: string): string {
  return markdown === '' ? '' : micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

interface LongBlock {
  /** The index of the blank line (or the end) after the block. */
  readonly end: number;
  readonly render: (lines: readonly string[]) => string;
}

/**
 * A table or a list of more than `perPiece` rows or items starting at `index`, standing between
 * blank lines (so it is a block of its own), or undefined.
 */
function longBlockAt(lines: readonly string[], index: number): LongBlock | undefined {
  if (index > 0 && lines[index - 1] !== '') return undefined;
  const first = lines[index] ?? '';
  if (first.startsWith('|')) {
    const end = runEnd(lines, index, (line) => line.startsWith('|'));
    return end - index > perPiece + 2 && (lines[index + 1] ?? '').startsWith('| --')
      ? { end, render: renderTable }
      : undefined;
  }
  if (first.startsWith('- ')) {
    const end = runEnd(lines, index, (line) => line.startsWith('- ') || line.startsWith('  '));
    return end - index > perPiece ? { end, render: renderList } : undefined;
  }
  return undefined;
}

function runEnd(lines: readonly string[], index: number, inRun: (line: string) => boolean): number {
  let end = index + 1;
  while (end < lines.length && inRun(lines[end] ?? '')) end += 1;
  return end < lines.length && lines[end] !== '' ? -1 : end;
}

// Text that renders as itself: characters with no inline meaning, and backslash escapes of those
// that have one (as markdown-text.ts writes them), with nothing a URL or an address could start
// (GFM links `www.`, `http://` and `a@b` without brackets). Latin letters with accents too.
const literal = /^(?:[A-Za-z0-9\u00c0-\u024f ,.;:()?+=#%{}/'"$^-]|\\[\\`*_[\]<>|~&!])*$/;
const linkish = /www\.|:\/\/|@/i;
const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Inline Markdown as micromark renders it, when it is literal text; else undefined. */
function literalHtml(markdown: string): string | undefined {
  if (!literal.test(markdown) || linkish.test(markdown)) return undefined;
  return markdown.replace(/\\(.)|["&<>]/g, (match, escaped?: string) => {
    const char = escaped ?? match;
    return entities[char] ?? char;
  });
}

// A table: header and delimiter rows, then its rows. A row of plain cells is written directly;
// the others are rendered by micromark some at a time under the same header.
function renderTable(lines: readonly string[]): string {
  const head = lines.slice(0, 2);
  const columns = plainCells(head[0] ?? '')?.length;
  const frame = split(render(`${[...head, lines[2] ?? ''].join('\n')}\n`), '<tbody>\n', '</tbody>\n');
  if (frame === undefined || columns === undefined) return renderRowsInPieces(lines);
  const bodies: string[] = [frame.body];
  let pending: string[] = [];
  const flush = (): boolean => {
    for (let start = 0; start < pending.length; start += perPiece) {
      const rows = pending.slice(start, start + perPiece);
      const piece = split(render(`${[...head, ...rows].join('\n')}\n`), '<tbody>\n', '</tbody>\n');
      if (piece === undefined) return false;
      bodies.push(piece.body);
    }
    pending = [];
    return true;
  };
  for (const line of lines.slice(3)) {
    const cells = plainCells(line);
    if (cells === undefined || cells.length !== columns) {
      pending.push(line);
      continue;
    }
    if (!flush()) return renderRowsInPieces(lines);
    bodies.push(`<tr>\n${cells.map((cell) => `<td>${cell}</td>\n`).join('')}</tr>\n`);
  }
  if (!flush()) return renderRowsInPieces(lines);
  return `${frame.prefix}${bodies.join('')}${frame.suffix}`;
}

/** The cells of a table row as HTML when all are literal text (trimmed, not empty), or undefined. */
function plainCells(line: string): string[] | undefined {
  if (!line.startsWith('| ') || !line.endsWith(' |')) return undefined;
  const cells: string[] = [];
  for (const cell of line.slice(2, -2).split(' | ')) {
    const html = cell === '' || cell.trim() !== cell ? undefined : literalHtml(cell);
    if (html === undefined) return undefined;
    cells.push(html);
  }
  return cells;
}

function renderRowsInPieces(lines: readonly string[]): string {
  const head = lines.slice(0, 2);
  const pieces: string[] = [];
  for (let start = 2; start < lines.length; start += perPiece) {
    pieces.push(render(`${[...head, ...lines.slice(start, start + perPiece)].join('\n')}\n`));
  }
  return joinPieces(pieces, '<tbody>\n', '</tbody>\n') ?? render(`${lines.join('\n')}\n`);
}

// A one-line list item of the notes: `- **time** rest`, the time in digits, letters and `:`.
const plainItem = /^- \*\*([A-Za-z0-9 :-]+)\*\*(.*)$/;

// A tight list (no blank line in it): a one-line item of plain text is written directly; the
// others (and an item's indented continuation lines) are rendered by micromark some at a time.
function renderList(lines: readonly string[]): string {
  const items: string[][] = [];
  for (const line of lines) {
    if (line.startsWith('- ') || items.length === 0) items.push([line]);
    else items.at(-1)?.push(line);
  }
  const frame = split(render(`${(items[0] ?? []).join('\n')}\n`), '<ul>\n', '</ul>\n');
  if (frame === undefined) return renderItemsInPieces(items);
  const bodies: string[] = [frame.body];
  let pending: string[][] = [];
  const flush = (): boolean => {
    for (let start = 0; start < pending.length; start += perPiece) {
      const text = pending
        .slice(start, start + perPiece)
        .flat()
        .join('\n');
      const piece = split(render(`${text}\n`), '<ul>\n', '</ul>\n');
      if (piece === undefined) return false;
      bodies.push(piece.body);
    }
    pending = [];
    return true;
  };
  for (const item of items.slice(1)) {
    const match = item.length === 1 ? plainItem.exec(item[0] ?? '') : null;
    const rest = match?.[2] ?? '';
    // Trailing spaces would be dropped (or make a line break): such an item goes to micromark.
    const html = match === null || rest.trimEnd() !== rest ? undefined : literalHtml(rest);
    if (match === null || html === undefined) {
      pending.push(item);
      continue;
    }
    if (!flush()) return renderItemsInPieces(items);
    bodies.push(`<li><strong>${match[1] ?? ''}</strong>${html}</li>\n`);
  }
  if (!flush()) return renderItemsInPieces(items);
  return `${frame.prefix}${bodies.join('')}${frame.suffix}`;
}

function renderItemsInPieces(items: readonly (readonly string[])[]): string {
  const pieces: string[] = [];
  for (let start = 0; start < items.length; start += perPiece) {
    pieces.push(
      render(
        `${items
          .slice(start, start + perPiece)
          .flat()
          .join('\n')}\n`,
      ),
    );
  }
  return joinPieces(pieces, '<ul>\n', '</ul>\n') ?? render(`${items.flat().join('\n')}\n`);
}

/** HTML cut at the first `open` and the last `close`: what is before, between and after. */
function split(
  html: string,
  open: string,
  close: string,
): { prefix: string; body: string; suffix: string } | undefined {
  const start = html.indexOf(open);
  const end = html.lastIndexOf(close);
  if (start === -1 || end < start + open.length) return undefined;
  return {
    prefix: html.slice(0, start + open.length),
    body: html.slice(start + open.length, end),
    suffix: html.slice(end),
  };
}

/**
 * The pieces' contents between `open` and `close` joined, inside the first piece's opening and
 * the last's closing; undefined when a piece is not shaped so (then the block renders whole).
 */
function joinPieces(pieces: readonly string[], open: string, close: string): string | undefined {
  const parts = pieces.map((piece) => split(piece, open, close));
  const first = parts[0];
  if (first === undefined || parts.some((part) => part === undefined || part.prefix !== first.prefix)) {
    return undefined;
  }
  return `${first.prefix}${parts.map((part) => part?.body ?? '').join('')}${parts.at(-1)?.suffix ?? ''}`;
}
