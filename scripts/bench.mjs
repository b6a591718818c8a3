// `npm run bench` (not part of `npm test`): how fast sitrep is at scale, as ratios against peers
// measured in the same run on the same machine. Starts its own stack (.stack/bench, ports 28xxx),
// loads Alertmanager with 1,000, 10,000 and 50,000 synthetic alerts and measures, per size:
//   1. `sitrep alerts --json` vs `amtool alert query -o json` vs `curl` of /api/v2/alerts
//   2. start to the first inbox frame that lists alerts (tmux) vs amtool's whole run
//   3. inside the screen (sitrep's own trace): key-to-frame latency, filter keystrokes, the longest
//      event-loop stall around a refresh, peak RSS and RSS early vs late (steady)
// and once: probe fan-out (a step of 8 probes vs one), export and resume of an incident of 10,000
// events vs a bare node script that reads and parses the same journal, and start-up.
// Writes test/bench/results.json and the results part of test/bench/README.md.
//
// Settings: SITREP_BENCH_SIZES (1000,10000,50000), SITREP_BENCH_RUNS (7),
// SITREP_BENCH_SOAK_SECONDS (600: how long the 10,000-alert screen refreshes before steady RSS is read;
// the other sizes watch 25 s), SITREP_BENCH_ONLY (comma list of: alerts,screen,trace,probes,journal,startup).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './stack/settings.mjs';
import { paired, runOnce, stats } from './bench/measure.mjs';
import { firstAlertFrame, keepTmuxServer, tracedSession, wholeRunInTmux } from './bench/screen.mjs';
import { loadAlerts, silenceSome, syntheticAlerts, waitForAlerts } from './bench/synthetic-alerts.mjs';
import { journalBench, probeFanOut } from './bench/work.mjs';
import { writeResults } from './bench/results.mjs';

const sizes = (process.env.SITREP_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const runs = Number(process.env.SITREP_BENCH_RUNS ?? 7);
const soakSeconds = Number(process.env.SITREP_BENCH_SOAK_SECONDS ?? 600);
const only = process.env.SITREP_BENCH_ONLY?.split(',');
const wants = (part) => only === undefined || only.includes(part);

// Ports 28xxx, moved up by SITREP_TEST_PORT_OFFSET (as the test stacks are) so that two checkouts
// can run the benchmark side by side.
const portOffset = Number(process.env.SITREP_TEST_PORT_OFFSET ?? '0') || 0;
const benchPort = (name, port) => process.env[name] ?? String(port + portOffset);
const stackEnv = {
  SITREP_STACK_DIR: path.join(repoRoot, '.stack', 'bench'),
  SITREP_STACK_PROMETHEUS_PORT: benchPort('SITREP_STACK_PROMETHEUS_PORT', 28090),
  SITREP_STACK_ALERTMANAGER_PORT: benchPort('SITREP_STACK_ALERTMANAGER_PORT', 28093),
  SITREP_STACK_HAPROXY_PORT: benchPort('SITREP_STACK_HAPROXY_PORT', 28080),
  SITREP_STACK_HAPROXY_METRICS_PORT: benchPort('SITREP_STACK_HAPROXY_METRICS_PORT', 28004),
  SITREP_STACK_BACKEND_PORTS:
    process.env.SITREP_STACK_BACKEND_PORTS ?? `${28011 + portOffset},${28012 + portOffset}`,
};
const alertmanager = `http://127.0.0.1:${stackEnv.SITREP_STACK_ALERTMANAGER_PORT}`;
const prometheus = `http://127.0.0.1:${stackEnv.SITREP_STACK_PROMETHEUS_PORT}`;
const sitrep = path.join(repoRoot, 'bin', 'sitrep');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-bench-'));
// sitrep's own files (incidents, config) stay in the scratch folder, never the user's.
const sitrepEnv = {
  XDG_DATA_HOME: path.join(scratch, 'data'),
  XDG_CONFIG_HOME: path.join(scratch, 'config'),
  XDG_CACHE_HOME: path.join(scratch, 'cache'),
  SITREP_ALERTMANAGER_URL: alertmanager,
  SITREP_PROMETHEUS_URL: prometheus,
};

function stack(...args) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'stack.mjs'), ...args], {
    env: { ...process.env, ...stackEnv },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`stack ${args.join(' ')}: ${result.stderr || result.stdout}`);
}

const log = (line) => console.error(`bench: ${line}`);
const amtool = {
  label: 'amtool alert query -o json',
  argv: ['amtool', `--alertmanager.url=${alertmanager}`, '--timeout=120s', 'alert', 'query', '-o', 'json'],
};
// Both wait up to 120 s for an answer: a 50,000-alert Alertmanager on a busy 2-core machine took
// over 30 s (amtool's default) and ended a run; sitrep's own default is 5 s.
const sitrepTimeout = ['--timeout', '120s'];
const sitrepAlerts = {
  label: 'sitrep alerts --json',
  argv: [sitrep, 'alerts', '--json', '--silenced', '--inhibited', ...sitrepTimeout],
  env: sitrepEnv,
};
const curl = { label: 'curl /api/v2/alerts', argv: ['curl', '-sf', `${alertmanager}/api/v2/alerts`] };
// Node's floor: the same request, parsed and printed whole and nothing more (scripts/bench/floor-alerts.mjs).
const nodeFloor = {
  label: 'node: fetch, JSON.parse, JSON.stringify',
  argv: [process.execPath, path.join(repoRoot, 'scripts', 'bench', 'floor-alerts.mjs'), alertmanager],
};

const results = {
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
  },
  versions: versions(),
  date: new Date().toISOString(),
  runs,
  sizes: {},
  once: {},
};

function versions() {
  const first = (cmd, args) =>
    (spawnSync(cmd, args, { encoding: 'utf8' }).stdout ?? '').split('\n')[0].trim();
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  return {
    sitrep: pkg.version,
    node: process.version,
    amtool: first('amtool', ['--version']) || first('amtool', ['--version', '2>&1']),
    alertmanager: first('prometheus-alertmanager', ['--version']),
    curl: first('curl', ['--version']),
  };
}

/** The figures of one size, into `figures` as they are measured. */
async function measureSize(size, figures) {
  if (wants('alerts')) {
    log(`${size}: alerts --json vs amtool vs curl vs node's floor`);
    figures.alerts = paired([amtool, sitrepAlerts, curl, nodeFloor], { runs });
  }
  if (wants('screen')) {
    log(`${size}: first frame with alerts vs amtool`);
    const frame = [];
    const tool = [];
    const toolInTmux = [];
    for (let i = 0; i <= runs; i += 1) {
      const a = runOnce(amtool).ms;
      const t = await wholeRunInTmux(amtool.argv, {});
      const f = await firstAlertFrame([sitrep, ...sitrepTimeout], sitrepEnv);
      if (i > 0) {
        tool.push(a);
        toolInTmux.push(t);
        frame.push(f);
      }
    }
    figures.firstFrame = {
      sitrepMs: stats(frame),
      amtoolMs: stats(tool),
      amtoolInTmuxMs: stats(toolInTmux),
      ratioToAmtool: stats(frame.map((f, i) => f / tool[i])).median,
      ratioToAmtoolInTmux: stats(frame.map((f, i) => f / toolInTmux[i])).median,
    };
  }
  if (wants('trace')) {
    const soak = size === 10_000 ? soakSeconds : 25;
    log(`${size}: traced screen session (${soak} s of refreshes)`);
    figures.screen = await tracedSession([sitrep, ...sitrepTimeout], sitrepEnv, {
      traceFile: path.join(scratch, `trace-${size}.jsonl`),
      soakSeconds: soak,
    });
  }
}

const stopTmuxServer = keepTmuxServer();
try {
  spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  // The per-size figures need a loaded Alertmanager; with none of them asked for, no size is loaded.
  const perSize = ['alerts', 'screen', 'trace'].some((part) => wants(part));
  for (const size of perSize ? sizes : []) {
    log(`${size} alerts: fresh stack, loading`);
    stack('down');
    stack('up');
    const now = Date.now();
    await loadAlerts(alertmanager, syntheticAlerts(size, now));
    const silencedNames = await silenceSome(alertmanager, now);
    await waitForAlerts(alertmanager, size);
    const figures = { silencedAlertNames: silencedNames };
    // A size that fails (a timeout on a loaded machine) is recorded as failed; the others still count.
    try {
      await measureSize(size, figures);
    } catch (error) {
      figures.error = String(error?.message ?? error).split('\n')[0];
      log(`${size}: failed: ${figures.error}`);
    }
    results.sizes[size] = figures;
    console.log(JSON.stringify({ size, ...figures }));
  }
  if (wants('probes')) {
    log('probe fan-out: 8 probes vs 1');
    results.once.probes = probeFanOut({ sitrep, env: sitrepEnv, scratch, runs });
  }
  if (wants('journal')) {
    // A small Alertmanager: the figure is about the journal, and a screen polling the last size's
    // 50,000 alerts would compete with resume for the CPU.
    log('export and resume of 10,000 events vs a bare read (fresh stack, 100 alerts)');
    stack('down');
    stack('up');
    await loadAlerts(alertmanager, syntheticAlerts(100, Date.now()));
    await waitForAlerts(alertmanager, 100);
    results.once.journal = await journalBench({ sitrep, env: sitrepEnv, scratch, runs });
  }
  if (wants('startup')) {
    results.once.startup = paired(
      [
        { label: 'node -e 0', argv: [process.execPath, '-e', '0'] },
        { label: 'sitrep --version', argv: [sitrep, '--version'] },
      ],
      { runs },
    );
  }
  writeResults(results);
} finally {
  stopTmuxServer();
  stack('down');
  fs.rmSync(scratch, { recursive: true, force: true });
}
