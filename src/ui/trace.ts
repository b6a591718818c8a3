// Timing trace of the interactive screen, for `npm run bench` only: with SITREP_TRACE_FILE set,
// sitrep appends one JSON line per key received, frame drawn, feed update and event-loop sample to
// that file, each with a millisecond time on the process's own clock (performance.timeOrigin +
// performance.now()). Without the variable nothing is measured and nothing is written.
import { closeSync, openSync, writeSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** What the screen reports to the trace. */
export interface ScreenTrace {
  /** Ink's onRender: a frame was written. */
  readonly frame: () => void;
  /** The alert feed published a new snapshot with this many alerts. */
  readonly feedUpdate: (alerts: number) => void;
  /** Stops sampling, writes the summary line and closes the file. */
  readonly close: () => void;
}

/** How often the lag timer fires; its lateness is how long the event loop was blocked. */
const lagIntervalMs = 10;

/** Starts a trace when SITREP_TRACE_FILE names a file; undefined otherwise. */
export function startScreenTrace(
  env: Readonly<Record<string, string | undefined>>,
  stdin: NodeJS.ReadStream,
): ScreenTrace | undefined {
  const file = env['SITREP_TRACE_FILE'];
  if (file === undefined || file === '') return undefined;
  const fd = openSync(file, 'a');
  const now = () => performance.timeOrigin + performance.now();
  const write = (record: Record<string, unknown>) =>
    writeSync(fd, `${JSON.stringify({ t: now(), ...record })}\n`);

  // Keys are stamped as their bytes arrive, before React sees them.
  const onData = (data: Buffer | string) => write({ kind: 'key', bytes: data.length });
  stdin.prependListener('data', onData);

  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let expected = performance.now() + lagIntervalMs;
  const lagTimer = setInterval(() => {
    const at = performance.now();
    const lag = at - expected;
    expected = at + lagIntervalMs;
    if (lag >= 5) write({ kind: 'lag', ms: lag });
  }, lagIntervalMs);
  // The whole process's RSS, and this thread's V8 heap (used and reserved) and memory outside it
  // beside it; every second, or every SITREP_TRACE_RSS_MS.
  const rssTimer = setInterval(
    () => {
      const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
      write({ kind: 'rss', bytes: rss, heapUsed, heapTotal, external, arrayBuffers });
    },
    positiveMs(env['SITREP_TRACE_RSS_MS']) ?? 1000,
  );
  lagTimer.unref();
  rssTimer.unref();

  let closed = false;
  return {
    frame: () => write({ kind: 'frame' }),
    feedUpdate: (alerts) => write({ kind: 'feed', alerts }),
    close: () => {
      if (closed) return;
      closed = true;
      clearInterval(lagTimer);
      clearInterval(rssTimer);
      histogram.disable();
      stdin.removeListener('data', onData);
      write({
        kind: 'summary',
        lagP99Ms: histogram.percentile(99) / 1e6,
        lagMaxMs: histogram.max / 1e6,
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
        // Every thread's of the process.
        cpuMs: cpuMs(process.cpuUsage()),
      });
      closeSync(fd);
    },
  };
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

// A setting in ms: a positive number, else undefined (an empty or bad value would make an interval
// of 1 ms and flood the trace).
function positiveMs(text: string | undefined): number | undefined {
  const ms = Number(text);
  return text !== undefined && Number.isFinite(ms) && ms > 0 ? ms : undefined;
}
