// A small counting semaphore: at most `limit` tasks run at once, the rest wait in order. A waiting
// task whose signal aborts leaves the queue without ever starting, so a cancelled step run never
// sends the queries it had not sent yet.

/** Runs async tasks with at most `limit` in flight. */
export interface Limiter {
  /** Runs `task` when a slot is free; rejects with the signal's reason if aborted while waiting. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** A limiter with `limit` slots (at least 1). */
export function createLimiter(limit: number): Limiter {
  const slots = Math.max(1, Math.floor(limit));
  let active = 0;
  const waiting: (() => void)[] = [];

  // A finishing task hands its slot straight to the next waiter, so no task that arrives in between
  // can take it and push the count over the limit.
  function release() {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  }

  return {
    async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      signal?.throwIfAborted();
      if (active < slots) active += 1;
      else {
        await new Promise<void>((resolve, reject) => {
          const start = () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          };
          const onAbort = () => {
            const index = waiting.indexOf(start);
            if (index >= 0) waiting.splice(index, 1);
            reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
          };
          waiting.push(start);
          signal?.addEventListener('abort', onAbort, { once: true });
        });
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
