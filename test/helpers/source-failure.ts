import { expect } from 'vitest';
import { SourceError } from '../../src/sources/http-error.js';

/** Awaits a call that must fail with a SourceError, and returns that error for more checks. */
export async function sourceFailure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}
