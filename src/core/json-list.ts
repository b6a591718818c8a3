// A long JSON list written a batch of items at a time: one JSON.stringify call for a batch of a
// few hundred items costs less than a call per item, and the whole list's text never exists at
// once. `sitrep alerts --json` (src/cli/json-pieces.ts) and the JSON export both write theirs so.

/**
 * A list as JSON text, in pieces that join to the whole list as it is laid out in its document.
 * `batchText(batch, start)` writes the items from `start` as a JSON list laid out as the whole
 * list is (the same indentation, compact or pretty-printed); its brackets are taken off, and the
 * batches joined with commas between one `[` and the closing bracket as laid out. JSON text holds
 * no newline inside a string, so the last newline of a pretty-printed list is the one before its
 * closing bracket; a compact list has none.
 */
export function* jsonListInBatches<T>(
  items: readonly T[],
  batchSize: number,
  batchText: (batch: readonly T[], start: number) => string,
): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  let closing = ']';
  for (let start = 0; start < items.length; start += batchSize) {
    const text = batchText(items.slice(start, start + batchSize), start);
    const newline = text.lastIndexOf('\n');
    const close = newline === -1 ? text.length - 1 : newline;
    yield `${start === 0 ? '[' : ','}${text.slice(1, close)}`;
    closing = text.slice(close);
  }
  yield closing;
}
