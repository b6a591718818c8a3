// The fast path of narrowWidth counts exactly as string-width does: every character of its ranges
// on its own, and text mixing them with characters outside (which go to string-width).
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import narrowWidth, { oneCellRanges as ranges } from '../../../src/core/format/narrow-width.js';

describe('narrowWidth', () => {
  it('gives one cell to each character of its fast ranges, as string-width does', () => {
    const differ: string[] = [];
    for (const [from, to] of ranges)
      for (let code = from; code <= to; code += 1) {
        const char = String.fromCodePoint(code);
        if (narrowWidth(char) !== 1 || stringWidth(char) !== 1) differ.push(code.toString(16));
      }
    expect(differ).toEqual([]);
  });

  it('counts like string-width for rows mixing those characters with emoji, CJK, marks and escapes', () => {
    const samples = [
      '› critical  HttpDown · web1 … 3m',
      '● ○ ◆ ▾ ▸ ⊘ ← → ↑ ↓ ┄ — – “quoted” ×2 µs',
      '▶\ufe0f play', // emoji presentation: two cells
      '‼️ and ⁉ and ↔️',
      'e\u0301 combining, 日本語, 👩‍💻, \u001b[31mred\u001b[39m, soft\u00adhyphen, zero\u200bwidth',
      '',
    ];
    for (const text of samples) expect([text, narrowWidth(text)]).toEqual([text, stringWidth(text)]);
    expect(narrowWidth('日本', { ambiguousIsNarrow: false })).toBe(
      stringWidth('日本', { ambiguousIsNarrow: false }),
    );
    expect(narrowWidth('…', { ambiguousIsNarrow: false })).toBe(2);
  });

  it('counts styled text (colour and style codes around those characters) as string-width does', () => {
    const samples = [
      '25 \u001b[31mcritical\u001b[39m  ',
      '\u001b[32m●\u001b[39m alertmanager 127.0.0.1:9093: ok, 100 alerts, updated 3 s ago',
      'MemoryFlapping\u001b[2m · 2026-11-29-MemoryFlapping-5a25\u001b[22m',
      '\u001b[1m\u001b[38;5;208m› ○ D2\u001b[39m\u001b[22m look…',
      // Not only style codes, or not only one-cell characters: string-width decides.
      '\u001b[31m日本\u001b[39m',
      '\u001b[31m👩‍💻\u001b[39m',
      '\u001b]8;;https://x\u0007link\u001b]8;;\u0007',
      '\u001b[2Jcleared',
      '\u001b[38:5:1mcolon\u001b[0m',
    ];
    for (const text of samples) expect([text, narrowWidth(text)]).toEqual([text, stringWidth(text)]);
  });
});
