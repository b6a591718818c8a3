// The fast path of narrowWidth counts exactly as string-width does: every character of its ranges
// on its own, and text mixing them with characters outside (which go to string-width).
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import narrowWidth from '../../../src/core/format/narrow-width.js';

const ranges: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0xff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2190, 0x21ff],
  [0x2200, 0x22ff],
  [0x2500, 0x25fc],
];

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
});
