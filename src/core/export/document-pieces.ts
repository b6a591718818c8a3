// A long export is made and written as a stream of pieces rather than one string. A table of
// 10,000 rows is made a few hundred rows at a time, as it is written: each row's strings, and each
// block once written, are garbage at once instead of being carried through every garbage
// collection (and into the old generation) until the whole document is joined; and one piece with
// a non-ASCII character does not make every other byte of the document two bytes wide in memory.

/** Lines are joined in blocks of this many: each block is one piece of the document. */
const blockSize = 256;

/**
 * `count` lines, `line(i)` each, made block by block as they are read: pieces that read as the
 * lines joined with newlines when they are themselves joined with newlines (as a section's lines).
 */
export function* linesInBlocks(count: number, line: (index: number) => string): Generator<string> {
  for (let start = 0; start < count; start += blockSize) {
    const end = Math.min(count, start + blockSize);
    const block = new Array<string>(end - start);
    for (let i = start; i < end; i += 1) block[i - start] = line(i);
    yield block.join('\n');
  }
}

/**
 * The pieces joined into strings of at least `length` characters (the last may be shorter), for
 * writing: small pieces (a heading, a blank line) go out together, and a long document is never
 * held whole.
 */
export function* batchedPieces(pieces: Iterable<string>, length: number): Generator<string> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length < length) continue;
    yield batch;
    batch = '';
  }
  if (batch !== '') yield batch;
}

const blankRun = /\n{3,}/g;
const isBlank = (text: string) => text.trimEnd() === '';

/**
 * The pieces joined with newlines, every run of three or more newlines made two, trimmed at the
 * end (of whitespace of any kind, as trimEnd does) and ended with one newline, as a stream of
 * strings whose concatenation is that text. Pieces pass through as they are unless they hold such
 * a run themselves.
 */
export function* documentPieces(pieces: Iterable<string>): Generator<string> {
  // Newlines met since the last text: written (at most two) when the next text comes.
  let pending = -1;
  // The last piece with more than whitespace, and the whitespace after it: held back until more
  // text comes, because at the end of the document the whitespace is trimmed.
  let held: string[] = [];
  for (const piece of pieces) {
    pending += 1;
    let start = 0;
    while (piece.charCodeAt(start) === 0x0a) start += 1;
    pending += start;
    if (start === piece.length) continue;
    let end = piece.length;
    while (piece.charCodeAt(end - 1) === 0x0a) end -= 1;
    if (pending > 0) held.push(pending >= 3 ? '\n\n' : '\n'.repeat(pending));
    const core = start === 0 && end === piece.length ? piece : piece.slice(start, end);
    const text = core.includes('\n\n\n') ? core.replace(blankRun, '\n\n') : core;
    if (isBlank(text)) held.push(text);
    else {
      yield* held;
      held = [text];
    }
    pending = piece.length - end;
  }
  const last = held[0];
  if (last !== undefined && !isBlank(last)) yield last.trimEnd();
  yield '\n';
}
