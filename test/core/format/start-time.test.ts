import { describe, expect, it } from 'vitest';
import { firingSinceText, formatStartAge, isFutureStart } from '../../../src/core/format/start-time.js';

const now = Date.parse('2026-11-29T20:15:22Z');
const clock = (iso: string) => iso.slice(11, 16);

describe('an alert start read against now', () => {
  it('is an age when it is in the past', () => {
    expect(formatStartAge('2026-11-29T20:13:02Z', now)).toBe('2 min 20 s');
    expect(firingSinceText('2026-11-29T20:13:02Z', now, clock)).toBe('since 2 min 20 s');
    expect(isFutureStart('2026-11-29T20:15:22Z', now)).toBe(false);
  });

  it("is said to be in the future by the server's clock, never an age of 0 s", () => {
    expect(isFutureStart('2026-11-29T22:14:48Z', now)).toBe(true);
    expect(formatStartAge('2026-11-29T22:14:48Z', now)).toBe('in 1 h 59 min');
    expect(firingSinceText('2026-11-29T22:14:48Z', now, clock)).toBe(
      "starts at 22:14 (in the future, by the server's clock)",
    );
  });

  it('says nothing it does not know', () => {
    expect(formatStartAge('soon', now)).toBe('?');
    expect(isFutureStart('soon', now)).toBe(false);
  });
});
