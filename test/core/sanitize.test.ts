import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutText, sanitizeLine, sanitizeText } from '../../src/core/sanitize.js';

describe('sanitizeText', () => {
  it('removes colour, cursor movement and screen clearing', () => {
    expect(sanitizeText('\u001b[31mred\u001b[0m \u001b[2J\u001b[Hhome')).toBe('red home');
  });

  it('removes an OSC title change ended by BEL or by ST, and an OSC 8 hyperlink', () => {
    expect(sanitizeText('a\u001b]0;pwned\u0007b')).toBe('ab');
    expect(sanitizeText('a\u001b]2;pwned\u001b\\b')).toBe('ab');
    expect(sanitizeText('\u001b]8;;http://evil\u0007click\u001b]8;;\u0007')).toBe('click');
  });

  it('removes 8-bit CSI, C0/C1 controls and bidi overrides but keeps tabs and newlines', () => {
    expect(sanitizeText('x\u009b31my\u0000\u0008z\u202eq\tw\nv\r\n')).toBe('xyzq\tw\nv\n');
  });

  it('keeps ordinary unicode text', () => {
    expect(sanitizeText('ünïcødé — 5xx ≥ 1% 🚨')).toBe('ünïcødé — 5xx ≥ 1% 🚨');
  });

  it('drops an escape sequence cut off at the end of the text', () => {
    expect(sanitizeText('ok\u001b[3')).toBe('ok');
    expect(sanitizeText('ok\u001b]0;title with no end')).toBe('ok');
  });
});

describe('sanitizeText on text that needs nothing removed', () => {
  // The five replacements sanitizeText makes, which text without a character they act on skips.
  const replaced = (text: string) =>
    text
      .replace(/\r\n?/g, '\n')
      .replace(
        // eslint-disable-next-line no-control-regex
        /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[ -/]*[0-~]?/g,
        '',
      )
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
      .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '')
      .replace(/[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e\u2028\u2029]/g, '');

  it('gives what the replacements give, for any text', () => {
    // Characters near every range the patterns use, so both paths are taken often.
    const near = [
      0x0, 0x7, 0x9, 0xa, 0xd, 0x1b, 0x20, 0x5b, 0x5d, 0x7e, 0x7f, 0x9b, 0x9c, 0x9d, 0xa0, 0xad, 0x61c,
      0x180e, 0x200a, 0x200b, 0x200f, 0x2010, 0x2028, 0x202e, 0x202f, 0x2060, 0x2065, 0x2069, 0xfeff, 0x1f6a8,
    ];
    const character = fc.oneof(
      fc.constantFrom(...near).map((code) => String.fromCodePoint(code)),
      fc.string({ unit: 'binary', maxLength: 1 }),
      fc.constantFrom('a', ' ', '7', ';', '\\'),
    );
    fc.assert(
      fc.property(fc.array(character, { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        expect(sanitizeText(text)).toBe(replaced(text));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('sanitizeLine', () => {
  it('folds newlines and runs of space into one space', () => {
    expect(sanitizeLine('  two\nlines\t\there \u001b[1m ')).toBe('two lines here');
  });
});

describe('what else a terminal would act on or a reader would not see', () => {
  it('removes every bidi control and mark, and zero-width characters', () => {
    const bidi = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
    const invisible = '\u200b\u200c\u200d\u2060\ufeff\u00ad\u2028\u2029';
    expect(sanitizeText(`a${bidi}b${invisible}c`)).toBe('abc');
  });

  it('removes 8-bit OSC, DCS and APC strings ended by ST, and BEL anywhere', () => {
    expect(sanitizeText('a\u009d0;title\u009cb\u0090q\u009cc\u009fx\u009cd\u0007e')).toBe('abcde');
  });

  it('keeps letters that merely look foreign: Arabic and Hebrew text stay', () => {
    expect(sanitizeText('שלום مرحبا')).toBe('שלום مرحبا');
  });
});

describe('cutText', () => {
  it('cuts by terminal cells, never inside a character, and marks the cut', () => {
    // Each 🚨 takes two cells: two of them and the ellipsis would take five.
    expect(sanitizeLine('🚨'.repeat(5), 3)).toBe('🚨…');
    expect(sanitizeLine('🚨'.repeat(5), 5)).toBe('🚨🚨…');
    expect(cutText(sanitizeLine('short'), 10)).toBe('short');
    expect([...sanitizeLine('x'.repeat(10_000), 80)]).toHaveLength(80);
  });
});
