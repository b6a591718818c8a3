import { describe, expect, it } from 'vitest';
import { errorMessage, UserError } from '../../src/core/errors.js';

describe('errorMessage', () => {
  it("gives an Error's message and anything else thrown as text", () => {
    expect(errorMessage(new UserError('disk full', { hint: 'free space' }))).toBe('disk full');
    expect(errorMessage(new TypeError('x is not a function'))).toBe('x is not a function');
    expect(errorMessage('plain string')).toBe('plain string');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});
