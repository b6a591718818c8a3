// The fast path of Ink's tokenizer (src/core/format/narrow-tokenize.ts) gives exactly the tokens
// of @alcalzone/ansi-tokenize's own: for every character of its ranges, for rows of them between
// colour and style codes, and for text it hands on (emoji, CJK, marks, links, other escapes).
import { styledCharsFromTokens, tokenize as graphemeTokens } from '@alcalzone/ansi-tokenize';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/core/format/narrow-tokenize.js';
import { oneCellRanges as ranges } from '../../../src/core/format/narrow-width.js';

const fastChars = ranges.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)),
);
const codes = [
  '\u001b[31m',
  '\u001b[39m',
  '\u001b[1m',
  '\u001b[22m',
  '\u001b[2m',
  '\u001b[7m',
  '\u001b[27m',
  '\u001b[0m',
  '\u001b[m',
  '\u001b[1;3;31m',
  '\u001b[38;5;12m',
  '\u001b[38;2;1;2;3m',
  '\u001b[;m',
];

/** The same tokens, and the same styled characters Ink builds from them. */
function expectSame(text: string): void {
  expect([text, tokenize(text)]).toEqual([text, graphemeTokens(text)]);
  expect(styledCharsFromTokens(tokenize(text))).toEqual(styledCharsFromTokens(graphemeTokens(text)));
}

describe('the fast tokenizer', () => {
  it('reads each character of its ranges as the tokenizer does, alone and in one row', () => {
    for (const char of fastChars) expectSame(char);
    expectSame(fastChars.join(''));
  });

  it('reads rows of those characters between colour and style codes as the tokenizer does', () => {
    // A fixed pseudo-random mix, so a failure can be replayed.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let row = 0; row < 300; row += 1) {
      let text = '';
      for (let i = 0; i < 40; i += 1)
        text += next(5) === 0 ? (codes[next(codes.length)] ?? '') : (fastChars[next(fastChars.length)] ?? '');
      expectSame(text);
    }
    for (const code of codes) expectSame(`${code}${code}a${code}`);
  });

  it('hands on whatever it does not read itself, with the same tokens', () => {
    for (const text of [
      '▶\ufe0f play',
      '‼️ and ↔️',
      'e\u0301 combining, 日本語, 👩‍💻, soft\u00adhyphen, zero\u200bwidth',
      '\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007',
      'erase \u001b[2K line, \u001b[ unfinished, \u009b31m eight-bit',
      'tab\there, cr\r\nlf',
      '',
    ])
      expectSame(text);
  });

  it('stops where asked, as the tokenizer does', () => {
    expect(tokenize('\u001b[31mabcdef', 3)).toEqual(graphemeTokens('\u001b[31mabcdef', 3));
  });
});
