// How the screen's process keeps its memory near what it holds. Measured at 10,000 alerts (an
// 8 MB answer every 10 s): the screen's thread holds ~25 MiB, the feed's worker ~17 MiB, yet V8
// let each heap grow to two or three times that. Ink makes ~10 MiB of short-lived garbage per
// frame, so the screen's young generation grew to its 32 MiB maximum, and what it promoted piled
// up in the old generation until a full collection (~30 → ~60 MiB); the worker's old generation
// kept every refresh's response text and parsed JSON until V8 saw fit (~17 → ~50–80 MiB).
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
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
 * Applies tightHeapFlags to the whole process. V8's flags are process-wide, and starting a worker
 * thread puts them back to their defaults (measured on Node 20: set before `new Worker`, they no
 * longer apply once it runs), so the feed's worker calls this when it starts.
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

/**
 * With SITREP_TRACE_FILE set (the benchmark's screen trace, src/ui/trace.ts), appends this thread's
 * heap figures to that file every `SITREP_TRACE_RSS_MS` (default 1,000) ms as `worker-heap` lines,
 * so that the trace shows the feed's worker beside the screen's thread. Does nothing otherwise.
 */
export function traceWorkerHeap(env: Readonly<Record<string, string | undefined>>): void {
  const file = env['SITREP_TRACE_FILE'];
  if (file === undefined || file === '') return;
  const sample = () => {
    const { heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    const t = performance.timeOrigin + performance.now();
    const line = { t, kind: 'worker-heap', heapUsed, heapTotal, external, arrayBuffers };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  };
  setInterval(sample, Number(env['SITREP_TRACE_RSS_MS'] ?? 1000)).unref();
}
