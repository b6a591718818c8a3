// Whole-process timing for the benchmark: wall time on this process's clock and peak RSS from
// GNU time (`/usr/bin/time -f %M`, Debian package `time`). Peers run in turn, run by run (A B C,
// B C A, …), so drift on a shared machine hits each the same, and ratios are taken pair by pair.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const gnuTime = '/usr/bin/time';
const rssFile = path.join(os.tmpdir(), `sitrep-bench-rss-${process.pid}`);

/** Runs one command to completion; wall ms and peak RSS in MiB. Throws when it fails. */
export function runOnce(command, { env = process.env, allowExit = [0] } = {}) {
  const [cmd, ...args] = command.argv;
  const start = process.hrtime.bigint();
  const result = spawnSync(gnuTime, ['-f', '%M %U %S', '-o', rssFile, cmd, ...args], {
    env: { ...env, ...command.env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw new Error(`${command.label}: ${result.error.message}`);
  if (!allowExit.includes(result.status)) {
    throw new Error(
      `${command.label} exited ${result.status}: ${(result.stderr ?? '').trim().slice(0, 400)}`,
    );
  }
  // The last line is GNU time's (a killed child adds one before it): peak KiB, user and system CPU s.
  const [kib, user, system] = fs
    .readFileSync(rssFile, 'utf8')
    .trim()
    .split('\n')
    .at(-1)
    .split(' ')
    .map(Number);
  return { ms, rssMiB: kib / 1024, cpuMs: (user + system) * 1000 };
}

/** Median, minimum and maximum of a list of numbers (no spread: lists may be long). */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, min: NaN, max: NaN, p99: NaN, n: 0 };
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), min: sorted[0], max: sorted[sorted.length - 1], p99: at(0.99), n: sorted.length };
}

/**
 * Runs each command `runs` times after `warmup` rounds, rotating their order every round. The first
 * command is the reference: each other one gets the median of its per-round ratio to it.
 */
export function paired(commands, { runs, warmup = 1, env }) {
  const samples = commands.map(() => ({ ms: [], rss: [], cpu: [] }));
  for (let round = 0; round < warmup + runs; round += 1) {
    for (let k = 0; k < commands.length; k += 1) {
      const index = (round + k) % commands.length;
      const { ms, rssMiB, cpuMs } = runOnce(commands[index], { env, allowExit: commands[index].allowExit });
      if (round >= warmup) {
        samples[index].ms.push(ms);
        samples[index].rss.push(rssMiB);
        samples[index].cpu.push(cpuMs);
      }
    }
  }
  return commands.map((command, index) => {
    const ratios = samples[index].ms.map((ms, round) => ms / samples[0].ms[round]);
    const cpuRatios = samples[index].cpu.map((cpu, round) => cpu / samples[0].cpu[round]);
    return {
      label: command.label,
      wallMs: stats(samples[index].ms),
      peakRssMiB: stats(samples[index].rss).max,
      ratioToFirst: stats(ratios).median,
      // CPU seconds (user + system) hold better than wall time when the machine is busy.
      cpuMs: stats(samples[index].cpu),
      cpuRatioToFirst: stats(cpuRatios).median,
    };
  });
}
