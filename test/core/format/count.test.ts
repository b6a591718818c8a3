import { describe, expect, it } from 'vitest';
import { countOf } from '../../../src/core/format/count.js';

describe('countOf', () => {
  it('says one thing in the singular and any other count in the plural', () => {
    expect(countOf(1, 'problem')).toBe('1 problem');
    expect(countOf(0, 'problem')).toBe('0 problems');
    expect(countOf(2, 'problem')).toBe('2 problems');
    expect(countOf(3, 'entry', 'entries')).toBe('3 entries');
  });
});
