// The interactive screen in a real terminal (tmux): how soon the inbox lists alerts, and, from
// sitrep's own trace (SITREP_TRACE_FILE, src/ui/trace.ts), how fast it answers keys and how long a
// refresh blocks it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { stats } from './measure.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const tmux = (...args) => spawnSync('tmux', args, { encoding: 'utf8' });
const shellQuote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/** A row of the inbox that lists an alert: a severity, then a name. */
const alertRow = /^\s*›?\s*(critical|warning|info|none)\s+\S/m;
const moveKeys = 200;

/**
 * Starts `argv` with `env` in a detached tmux session; returns its name. `after` is shell text run
 * once the command exits (a peer's "done" mark).
 */
export function startInTmux(name, argv, env, { width = 120, height = 40, after = '' } = {}) {
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`);
  const command = ['env', '-u', 'CI', ...assignments, ...argv.map(shellQuote)].join(' ') + after;
  const start = () =>
    tmux('new-session', '-d', '-s', name, '-x', String(width), '-y', String(height), command);
  let result = start();
  // Killing the last session stops the tmux server; a new session started while it exits fails
  // with "server exited unexpectedly". Once more is enough.
  if (result.status !== 0) result = start();
  if (result.status !== 0) throw new Error(`tmux: ${result.stderr}`);
  return name;
}

export const screenText = (name) => tmux('capture-pane', '-p', '-t', name).stdout ?? '';
export const sendKeys = (name, ...keys) => tmux('send-keys', '-t', name, ...keys);
export const killSession = (name) => tmux('kill-session', '-t', name);

/** Polls the pane until `test(text)` holds; resolves with ms since `startNs`. */
export async function waitForScreen(name, test, startNs, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (test(screenText(name))) return Number(process.hrtime.bigint() - startNs) / 1e6;
    await sleep(3);
  }
  throw new Error(`the screen never showed what was awaited:\n${screenText(name)}`);
}

/**
 * Keeps one tmux session open for the whole benchmark: without it every measured session starts
 * (and its end stops) the tmux server, and that start-up, noise of the harness, lands in the figure.
 */
export function keepTmuxServer() {
  const name = `sitrep-bench-keeper-${process.pid}`;
  startInTmux(name, ['sleep', '86400'], {});
  return () => killSession(name);
}

const doneMark = 'sitrep-bench-done';

/**
 * Ms from starting a peer (amtool, the bare journal read) in a tmux pane, the way sitrep is started,
 * until the pane shows that it exited: the same harness as sitrep's frames, so that tmux's own
 * costs (starting the pane, polling it) weigh on both sides of the ratio. Its output goes to
 * /dev/null, as the terminal is not what is being measured.
 */
export async function wholeRunInTmux(argv, env) {
  const name = `sitrep-bench-peer-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const start = process.hrtime.bigint();
  startInTmux(name, argv, env, { after: ` >/dev/null 2>&1; echo ${doneMark}; sleep 60` });
  try {
    return await waitForScreen(name, (text) => text.includes(doneMark), start);
  } finally {
    killSession(name);
  }
}

/** Ms from starting sitrep in tmux to the first frame that lists an alert. */
export async function firstAlertFrame(sitrepArgv, env) {
  const name = `sitrep-bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const start = process.hrtime.bigint();
  startInTmux(name, sitrepArgv, env);
  try {
    return await waitForScreen(name, (text) => alertRow.test(text), start);
  } finally {
    killSession(name);
  }
}

/**
 * Drives a traced session: waits for the alerts, moves through the list, types a filter, lets the
 * feed refresh `refreshes` times (or for `soakSeconds`), then quits. Returns the trace's figures.
 */
export async function tracedSession(sitrepArgv, env, { traceFile, soakSeconds = 25, filter = 'HttpDown' }) {
  fs.rmSync(traceFile, { force: true });
  const name = `sitrep-trace-${process.pid}`;
  const start = process.hrtime.bigint();
  startInTmux(name, sitrepArgv, { ...env, SITREP_TRACE_FILE: traceFile });
  try {
    await waitForScreen(name, (text) => alertRow.test(text), start);
    await sleep(1500);
    const marks = { moveFrom: Date.now() };
    // 200 moves: the p99 of 30 keys would be their slowest one.
    for (let i = 0; i < moveKeys; i += 1) {
      sendKeys(name, i % 3 === 2 ? 'k' : 'j');
      await sleep(60);
    }
    marks.filterFrom = Date.now();
    sendKeys(name, '/');
    await sleep(200);
    for (const char of filter) {
      sendKeys(name, '-l', char);
      await sleep(150);
    }
    marks.filterTo = Date.now();
    sendKeys(name, 'Escape');
    await sleep(soakSeconds * 1000);
    sendKeys(name, 'q');
    await sleep(1500);
    return { ...analyseTrace(fs.readFileSync(traceFile, 'utf8'), marks), marks };
  } finally {
    killSession(name);
  }
}

/** Figures from a trace: key-to-frame latency (all keys, filter keys), event-loop stalls, RSS. */
export function analyseTrace(text, marks) {
  const records = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
  const frames = records.filter((r) => r.kind === 'frame').map((r) => r.t);
  const keyLatency = (from, to) => {
    const latencies = [];
    for (const key of records) {
      if (key.kind !== 'key' || key.t < from || key.t > to) continue;
      const frame = frames.find((t) => t >= key.t);
      if (frame !== undefined && frame - key.t < 2000) latencies.push(frame - key.t);
    }
    return stats(latencies);
  };
  const feeds = records.filter((r) => r.kind === 'feed' && r.alerts > 0).map((r) => r.t);
  const lags = records.filter((r) => r.kind === 'lag');
  // A refresh's work happens just before its snapshot is published and in the render after it.
  // The first answer's own work (read, parse, the first frame of every alert) is not a refresh's,
  // even when the next refresh follows within 1.5 s, as it does when a big Alertmanager took most
  // of the interval to answer first: it counts in the longest stall overall.
  const firstSettled = (feeds[0] ?? Infinity) + 1500;
  const refreshLags = lags.filter(
    (l) => l.t > firstSettled && feeds.slice(1).some((t) => l.t > t - 1500 && l.t < t + 1500),
  );
  const rss = records.filter((r) => r.kind === 'rss');
  const summary = records.find((r) => r.kind === 'summary') ?? {};
  const third = Math.max(1, Math.floor(rss.length / 3));
  const mib = (list) => stats(list.map((r) => r.bytes / 1048576)).median;
  return {
    keyToFrameMs: keyLatency(marks.moveFrom, marks.filterFrom),
    filterKeyToFrameMs: keyLatency(marks.filterFrom, marks.filterTo),
    refreshes: Math.max(0, feeds.length - 1),
    longestRefreshStallMs: refreshLags.reduce((max, l) => Math.max(max, l.ms), 0),
    longestStallMs: lags.reduce((max, l) => Math.max(max, l.ms), 0),
    loopDelayP99Ms: summary.lagP99Ms,
    peakRssMiB: (summary.maxRssBytes ?? NaN) / 1048576,
    rssEarlyMiB: mib(rss.slice(0, third)),
    rssLateMiB: mib(rss.slice(-third)),
  };
}
