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
