import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeRegex, escapeStringContent, quoteString } from '../../../src/core/promql/escape.js';
import { findSyntaxError } from '../../../src/core/promql/parse.js';
import { labelValue } from './arbitraries.js';
import { goUnquote } from './go-unquote.js';

describe('escapeStringContent', () => {
  it('escapes the quote it lands in and leaves the other quote alone', () => {
    expect(escapeStringContent(`a"b'c`, '"')).toBe(`a\\"b'c`);
    expect(escapeStringContent(`a"b'c`, "'")).toBe(`a"b\\'c`);
  });

  it('writes backslashes, newlines and control characters as escapes, never raw', () => {
    expect(escapeStringContent('C:\\dir\nnext\u001b[31m', '"')).toBe('C:\\\\dir\\nnext\\u001b[31m');
  });

  it('escapes U+FFFD, which Prometheus would take for invalid UTF-8', () => {
    expect(escapeStringContent('a\ufffdb', '"')).toBe('a\\ufffdb');
  });

  it('round-trips any value through a Prometheus-style unquote, for both quote characters', () => {
    fc.assert(
      fc.property(labelValue, fc.constantFrom('"' as const, "'" as const), (value, quote) => {
        const literal = `${quote}${escapeStringContent(value, quote)}${quote}`;
        expect(goUnquote(literal)).toBe(value);
        expect(findSyntaxError(`up{v=${literal}}`)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('quoteString gives a complete double-quoted literal', () => {
    expect(quoteString('x"y')).toBe('"x\\"y"');
  });
});

describe('escapeRegex', () => {
  it('escapes exactly the characters RE2 treats as syntax', () => {
    expect(escapeRegex('a.b*c+d?e(f)g|h[i]j{k}l^m$n\\o')).toBe(
      'a\\.b\\*c\\+d\\?e\\(f\\)g\\|h\\[i\\]j\\{k\\}l\\^m\\$n\\\\o',
    );
    expect(escapeRegex('web-1_x/y')).toBe('web-1_x/y');
  });

  it('gives a regex that matches the value and nothing longer or shorter', () => {
    fc.assert(
      fc.property(labelValue, (value) => {
        const regex = new RegExp(`^(?:${escapeRegex(value)})$`, 'u');
        expect(regex.test(value)).toBe(true);
        expect(regex.test(`${value}x`)).toBe(false);
        if (value.length > 0) expect(regex.test(value.slice(0, -1))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
