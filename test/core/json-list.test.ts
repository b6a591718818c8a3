// jsonListInBatches cuts each batch's list out of its brackets and joins the batches: whatever the
// items and the batch size, compact or pretty-printed, at the top or deeper in a document, the
// pieces must join to the list as one JSON.stringify lays it out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonListInBatches } from '../../src/core/json-list.js';

describe('jsonListInBatches', () => {
  it('joins to the list as JSON.stringify writes it, for any items and batch size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 3 })),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(0, 2),
        (items, size, indent) => {
          const pieces = jsonListInBatches(items, size, (batch) => JSON.stringify(batch, null, indent));
          expect([...pieces].join('')).toBe(JSON.stringify(items, null, indent));
        },
      ),
    );
  });

  it('lays out a list inside a document as the document does, given batches laid out so', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1 }), (items) => {
        // Each batch written inside the same wrapper, cut out from its `[` to its closing bracket.
        const pieces = jsonListInBatches(items, 3, (batch) => {
          const text = JSON.stringify({ a: { list: batch } }, null, 2);
          return text.slice(text.indexOf('['), text.lastIndexOf('\n    ]') + 6);
        });
        const whole = JSON.stringify({ a: { list: items } }, null, 2);
        expect(`{\n  "a": {\n    "list": ${[...pieces].join('')}\n  }\n}`).toBe(whole);
      }),
    );
  });

  it('gives each batch its index in the whole list', () => {
    const starts: number[] = [];
    const pieces = jsonListInBatches([1, 2, 3, 4, 5], 2, (batch, start) => {
      starts.push(start);
      return JSON.stringify(batch);
    });
    expect([...pieces]).toEqual(['[1,2', ',3,4', ',5', ']']);
    expect(starts).toEqual([0, 2, 4]);
  });
});
