import { describe, expect, it } from 'vitest';
import {
  cellWidth,
  cutCells,
  fitCells,
  padCells,
  padCellsStart,
  splitCells,
} from '../../../src/core/format/cells.js';

// 👩‍💻 is woman + ZWJ + laptop: one picture, two cells. é here is e + a combining acute accent.
const zwj = '\u{1f469}\u200d\u{1f4bb}';
const combining = 'e\u0301';

describe('cellWidth', () => {
  it.each([
    ['ascii', 'web-1', 5],
    ['CJK: two cells each', '主机-東京', 9],
    ['emoji', '🚨', 2],
    ['a ZWJ sequence is one picture', zwj, 2],
    ['a combining mark takes no cell', `caf${combining}`, 4],
    ['empty', '', 0],
  ])('%s', (_name, text, cells) => {
    expect(cellWidth(text)).toBe(cells);
  });
});

describe('cutCells', () => {
  it.each([
    ['ascii that fits', 'web-1', 5, 'web-1'],
    ['ascii cut', 'web-123', 5, 'web-…'],
    // 主机-東 is 7 cells; 主机-東京 does not fit in 8 with the ellipsis, and 京 is not halved.
    ['CJK cut between characters', '主机-東京-ü', 8, '主机-東…'],
    ['a wide character that does not fit is left out whole', 'ab東京', 4, 'ab…'],
    ['emoji', '🚨🚨🚨', 5, '🚨🚨…'],
    ['a ZWJ sequence stays whole or goes', `a${zwj}${zwj}`, 4, `a${zwj}…`],
    ['a ZWJ sequence that fits exactly', `${zwj}${zwj}`, 4, `${zwj}${zwj}`],
    ['a combining mark stays with its letter', `caf${combining}s!`, 5, `caf${combining}…`],
    ['a combining mark is not a cell', `caf${combining}s`, 4, 'caf…'],
    ['CJK that fits exactly', '東京', 4, '東京'],
  ])('%s', (_name, text, max, cut) => {
    expect(cutCells(text, max)).toBe(cut);
    expect(cellWidth(cutCells(text, max))).toBeLessThanOrEqual(max);
  });
});

describe('padding and fitting', () => {
  it('pads to the same number of cells whatever the script', () => {
    const cells = ['web-1', '主机-東京', `${zwj} dev`, `caf${combining}`].map((t) => padCells(t, 12));
    for (const cell of cells) expect(cellWidth(cell)).toBe(12);
    expect(padCellsStart('東京', 6)).toBe('  東京');
  });

  it('fits a cell to exactly its width, cut or padded', () => {
    // 主机-東 and … take 8 cells; 京 would make 10: left out, and a space fills the ninth.
    expect(fitCells('主机-東京-🚨', 9)).toBe('主机-東… ');
    expect(cellWidth(fitCells('主机-東京-🚨', 9))).toBe(9);
    expect(fitCells('web', 5)).toBe('web  ');
  });
});

describe('splitCells', () => {
  it('splits a long word into pieces of at most the width, between characters', () => {
    expect(splitCells('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
    expect(splitCells('東京大阪', 5)).toEqual(['東京', '大阪']);
    expect(splitCells(`${zwj}${zwj}x`, 3)).toEqual([zwj, `${zwj}x`]);
    expect(splitCells('short', 10)).toEqual(['short']);
  });
});
