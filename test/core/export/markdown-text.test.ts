import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockLines,
  cellText,
  codeText,
  inlineText,
  oneSpace,
} from '../../../src/core/export/markdown-text.js';

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
