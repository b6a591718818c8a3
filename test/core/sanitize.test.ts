import { describe, expect, it } from 'vitest';
import { sanitizeLine, sanitizeText } from '../../src/core/sanitize.js';

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
