import { describe, expect, it } from 'vitest';
import { errorLine, errorMessage, UserError } from '../../src/core/errors.js';

describe('errorMessage', () => {
  it("gives an Error's message and anything else thrown as text", () => {
    expect(errorMessage(new UserError('disk full', { hint: 'free space' }))).toBe('disk full');
    expect(errorMessage(new TypeError('x is not a function'))).toBe('x is not a function');
    expect(errorMessage('plain string')).toBe('plain string');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});

describe('errorLine', () => {
  it('keeps the hint with the message, as the CLI prints it', () => {
    const error = new UserError('Alertmanager at http://x did not answer', {
      hint: 'Is Alertmanager running at http://x?',
    });
    expect(errorLine(error)).toBe(
      'Alertmanager at http://x did not answer. Is Alertmanager running at http://x?',
    );
    expect(errorLine(new UserError('no such incident:', { hint: 'Run sitrep incidents.' }))).toBe(
      'no such incident: Run sitrep incidents.',
    );
    expect(errorLine(new Error('plain'))).toBe('plain');
  });
});
