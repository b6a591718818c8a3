// How the screen's process keeps its memory near what it holds. Measured at 10,000 alerts (an
// 8 MB answer every 10 s): what the screen's thread holds is a few tens of MiB, yet V8 let its heap
// grow to two or three times that. Ink makes ~10 MiB of short-lived garbage per frame, so the
// young generation grew to its 32 MiB maximum, and what it promoted piled up in the old generation
// with each answer's text until a full collection.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8 flags that hold each heap close to its live size, in every thread of the process: the young
 * generation stays at the size it has (it never grows to 32 MiB), and after a full collection the
 * old generation may grow by 20 % (plus V8's own minimum step, 8 MiB) before the next one,
 * instead of up to four times.
 */
export const tightHeapFlags = ['--semi-space-growth-factor=1', '--heap-growing-percent=20'] as const;

/**
 * Applies tightHeapFlags to the whole process (V8's flags are process-wide). Starting a worker
 * thread puts them back to their defaults (measured on Node 20): a worker added later must call it
 * again once started.
 */
export function tightenHeap(): void {
  for (const flag of tightHeapFlags) setFlagsFromString(flag);
}

/**
 * A function that runs a full garbage collection of this thread's heap now (V8's `gc`, taken from
 * a fresh context with `--expose-gc` on only while that context is made).
 */
export function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  try {
    return runInNewContext('gc') as () => void;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
