import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockLines,
  blockLinesInFull,
  cellText,
  codeText,
  inlineText,
  inlineTextInFull,
  isLiteral,
  oneSpace,
} from '../../../src/core/export/markdown-text.js';
import { mayHideSecret } from '../../../src/core/export/redact.js';
import { textsFrom } from '../../helpers/seeded-random.js';

describe('inlineText', () => {
  it('escapes what would format, link, embed HTML or split a table, and folds lines', () => {
    expect(inlineText('*a* _b_ ~c~ [d](e) <f> & | \\ `g`\nh')).toBe(
      '\\*a\\* \\_b\\_ \\~c\\~ \\[d\\](e) \\<f\\> \\& \\| \\\\ \\`g\\` h',
    );
  });
});

describe('cellText', () => {
  it('shows a dash for empty text so the cell is not blank', () => {
    expect(cellText('  ')).toBe('—');
    expect(cellText('a|b')).toBe('a\\|b');
  });
});

describe('blockLines', () => {
  it('escapes block starts and drops blank lines', () => {
    expect(blockLines('# h\n\n> q\n- l\n+ p\n2) n\n=== \nplain')).toEqual([
      '\\# h',
      '\\> q',
      '\\- l',
      '\\+ p',
      '2\\) n',
      '\\===',
      'plain',
    ]);
  });
});

describe('codeText', () => {
  it('uses a fence longer than any backtick run inside, with padding at the edges', () => {
    expect(codeText('up')).toBe('`up`');
    expect(codeText('a `b` c')).toBe('``a `b` c``');
    expect(codeText('`x`')).toBe('`` `x` ``');
    expect(codeText('')).toBe('—');
  });

  it('escapes pipes only inside tables, where GFM splits cells before reading code', () => {
    expect(codeText('a|b')).toBe('`a|b`');
    expect(codeText('a|b', true)).toBe('`a\\|b`');
  });
});

describe('oneSpace', () => {
  it('folds whitespace as replacing every run with one space does', () => {
    const character = fc.constantFrom(
      ' ',
      '  ',
      '\t',
      '\n',
      '\r',
      '\u00a0',
      '\u2028',
      '\ufeff',
      '\u3000',
      'a',
      'b',
      '|',
    );
    fc.assert(
      fc.property(fc.array(character, { maxLength: 16 }), (chars) => {
        const text = chars.join('');
        expect(oneSpace(text)).toBe(text.replace(/\s+/g, ' '));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the shortcut for literal text', () => {
  // Built from letters, digits, spaces, every ASCII punctuation mark, secret-like words, times and
  // a few characters the sanitizer removes, glued in random orders: wherever the shortcut is
  // taken, the full path must give the same.
  const pieces = [
    'a',
    'Z',
    'note',
    '1',
    '2.',
    '3)',
    ' ',
    '  ',
    '\t',
    '\n',
    '\r',
    '\u00a0',
    '\u200b',
    '\u001b[31m',
    ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'.split(''),
    'password: x',
    'token',
    'Bearer abcdefgh12',
    'AKIA',
    'eyJ',
    'https://u:p@h',
    '14:03:00',
    'é',
  ];

  it('gives what the full path gives, for 20,000 texts', () => {
    let literal = 0;
    for (const text of textsFrom(pieces, 20_000, 6, 7)) {
      if (isLiteral(text)) literal += 1;
      expect(inlineText(text), JSON.stringify(text)).toBe(inlineTextInFull(text));
      expect(blockLines(text), JSON.stringify(text)).toEqual(blockLinesInFull(text));
    }
    // Enough of them took the shortcut for the comparison to mean something.
    expect(literal).toBeGreaterThan(200);
  });

  it('is the four tests it was before, made one (issue #15)', () => {
    const before = (text: string) =>
      /^[A-Za-z][A-Za-z0-9 ,.;:()?+%'"/$-]*$/.test(text) &&
      !text.endsWith(' ') &&
      !text.includes('  ') &&
      !mayHideSecret(text);
    const texts = [
      ...textsFrom(pieces, 20_000, 6, 7),
      'a glpat-x',
      'Basic b',
      'a -----BEGIN',
      'key :x',
      'Pwd: 1',
    ];
    for (const text of texts) expect(isLiteral(text), JSON.stringify(text)).toBe(before(text));
  });

  it('is taken for everyday notes, and not for text that needs work', () => {
    expect(isLiteral('benchmark note 12')).toBe(true);
    expect(isLiteral('Restarted web1 at 14:03; errors down (5/s), see "dashboard"')).toBe(true);
    for (const text of ['', '1. step', '- item', 'two  spaces', 'end ', 'password: x', 'a_b', 'a\tb']) {
      expect(isLiteral(text), JSON.stringify(text)).toBe(false);
    }
  });
});
