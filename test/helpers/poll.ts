// Tests wait for a condition, never a fixed time: read something until it satisfies the predicate.

/**
 * Calls `read` every `intervalMs` until `predicate` accepts its value, and resolves with it; after
 * `timeoutMs` rejects with `describe(lastValue)`. A `read` that throws rejects at once.
 */
export function pollFor<T>(
  read: () => T,
  predicate: (value: T) => boolean,
  options: { timeoutMs: number; intervalMs: number; describe: (last: T) => string },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const deadline = Date.now() + options.timeoutMs;
    const check = () => {
      let value: T;
      try {
        value = read();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (predicate(value)) resolve(value);
      else if (Date.now() > deadline) reject(new Error(options.describe(value)));
      else setTimeout(check, options.intervalMs);
    };
    check();
  });
}
