// A long export is built as pieces rather than one string. A table of 10,000 rows joined a few
// hundred rows at a time leaves each row's own strings as garbage at once, instead of carrying all
// of them through every garbage collection until the whole document is joined; and the document's
// pieces are written one after the other, so one piece with a non-ASCII character does not make
// every other byte of the document two bytes wide in memory before it is written.

/** Lines to be joined in blocks of this many: each block is one piece of the document. */
const blockSize = 256;

/**
 * `count` lines, `line(i)` each, as pieces that read as the lines joined with newlines when they
 * are themselves joined with newlines (as a section's lines are).
 */
export function linesInBlocks(count: number, line: (index: number) => string): string[] {
  const blocks: string[] = [];
  for (let start = 0; start < count; start += blockSize) {
    const end = Math.min(count, start + blockSize);
    const block = new Array<string>(end - start);
    for (let i = start; i < end; i += 1) block[i - start] = line(i);
    blocks.push(block.join('\n'));
  }
  return blocks;
}

const blankRun = /\n{3,}/g;

/**
 * `pieces.join('\n')` with every run of three or more newlines made two, trimmed at the end and
 * ended with one newline, as consecutive strings (their concatenation is that text). Pieces are
 * passed through as they are unless they hold such a run themselves.
 */
export function documentPieces(pieces: readonly string[]): string[] {
  const out: string[] = [];
  // Newlines met since the last text: written (at most two) when the next text comes.
  let pending = 0;
  pieces.forEach((piece, index) => {
    if (index > 0) pending += 1;
    let start = 0;
    while (piece.charCodeAt(start) === 0x0a) start += 1;
    if (start === piece.length) {
      pending += start;
      return;
    }
    let end = piece.length;
    while (piece.charCodeAt(end - 1) === 0x0a) end -= 1;
    pending += start;
    if (pending > 0) out.push(pending >= 3 ? '\n\n' : '\n'.repeat(pending));
    const text = start === 0 && end === piece.length ? piece : piece.slice(start, end);
    out.push(text.includes('\n\n\n') ? text.replace(blankRun, '\n\n') : text);
    pending = piece.length - end;
  });
  // The end trimmed of whitespace (of any kind, as trimEnd does), across pieces.
  while (out.length > 0 && (out[out.length - 1] ?? '').trimEnd() === '') out.pop();
  if (out.length > 0) out[out.length - 1] = (out[out.length - 1] ?? '').trimEnd();
  out.push('\n');
  return out;
}
