// `npm run bench`: how fast sitrep answers, as ratios against peers measured in the same run on the
// same machine (absolute times on a shared machine mean little). Uses the local dev stack
// (`npm run stack -- up` and `fire`), starting it if needed and leaving it as it found it.
//
//   alerts     `sitrep alerts --json`   vs `amtool alert query -o json` vs `curl` of /api/v2/alerts
//   startup    `sitrep --version`       vs `node -e 0` (the floor for any Node CLI)
//   screen     first frame of `sitrep` in a real terminal (tmux) vs a node one-liner's first
//              line in the same terminal, both against the live stack
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, stackSettings, stackUrls } from './stack/settings.mjs';

const runs = Number(process.env.SITREP_BENCH_RUNS ?? 15);
const urls = stackUrls(stackSettings());
const sitrep = path.join(repoRoot, 'bin', 'sitrep');

function sh(cmd, args, env = process.env) {
  const result = spawnSync(cmd, args, { cwd: repoRoot, env, encoding: 'utf8' });
  if (result.error) throw new Error(`${cmd}: ${result.error.message}`);
  return result;
}

/** Median wall time in ms over `runs` runs, after one warm-up; fails if the command fails. */
function measure(label, cmd, args, env) {
  const times = [];
  for (let i = 0; i <= runs; i += 1) {
    const start = process.hrtime.bigint();
    const result = sh(cmd, args, env);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${label} exited ${result.status}: ${result.stderr.trim()}`);
    if (i > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { label, median: times[Math.floor(times.length / 2)], min: times[0], max: times.at(-1) };
}

function report(title, rows) {
  const base = rows[0].median;
  console.log(`\n${title} (median of ${runs} runs; ratio against ${rows[0].label})`);
  for (const r of rows) {
    const ratio = (r.median / base).toFixed(2);
    console.log(
      `  ${r.label.padEnd(34)} ${r.median.toFixed(1).padStart(7)} ms  (min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)})  ×${ratio}`,
    );
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Median ms from starting `command` in a fresh tmux pane until `text` shows on its screen. */
async function measureScreen(label, command, text) {
  const times = [];
  for (let i = 0; i <= runs; i += 1) {
    const name = `sitrep-bench-${process.pid}-${i}`;
    const start = process.hrtime.bigint();
    spawnSync('tmux', ['new-session', '-d', '-s', name, '-x', '100', '-y', '30', command]);
    let ms = Infinity;
    for (let polls = 0; polls < 2000; polls += 1) {
      const screen = spawnSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' }).stdout ?? '';
      if (screen.includes(text)) {
        ms = Number(process.hrtime.bigint() - start) / 1e6;
        break;
      }
      await sleep(2);
    }
    spawnSync('tmux', ['kill-session', '-t', name]);
    if (!Number.isFinite(ms)) throw new Error(`${label}: "${text}" never showed`);
    if (i > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { label, median: times[Math.floor(times.length / 2)], min: times[0], max: times.at(-1) };
}

function ensureStack() {
  const status = sh(process.execPath, ['scripts/stack.mjs', 'status']);
  const wasUp = status.status === 0;
  if (!wasUp) {
    if (sh(process.execPath, ['scripts/stack.mjs', 'up']).status !== 0)
      throw new Error('could not start the stack');
  }
  if (!/^load\s+running/m.test(status.stdout)) {
    if (sh(process.execPath, ['scripts/stack.mjs', 'fire', '300']).status !== 0)
      throw new Error('fire failed');
  }
  return wasUp;
}

const wasUp = ensureStack();
try {
  sh(process.execPath, ['scripts/build.mjs']);
  const env = {
    ...process.env,
    SITREP_ALERTMANAGER_URL: urls.alertmanager,
    SITREP_PROMETHEUS_URL: urls.prometheus,
  };
  report('Listing firing alerts', [
    measure('curl /api/v2/alerts', 'curl', ['-sf', `${urls.alertmanager}/api/v2/alerts`]),
    measure('amtool alert query -o json', 'amtool', [
      `--alertmanager.url=${urls.alertmanager}`,
      'alert',
      'query',
      '-o',
      'json',
    ]),
    measure(
      'sitrep alerts --json',
      sitrep,
      ['alerts', '--json', `--alertmanager.url=${urls.alertmanager}`],
      env,
    ),
  ]);
  const screenEnv = `env -u CI SITREP_ALERTMANAGER_URL=${urls.alertmanager} SITREP_PROMETHEUS_URL=${urls.prometheus} XDG_DATA_HOME=/tmp/sitrep-bench`;
  report('First frame in a terminal (tmux)', [
    await measureScreen(
      'node prints a line',
      `${process.execPath} -e "console.log('ready'); setTimeout(() => {}, 5000)"`,
      'ready',
    ),
    await measureScreen('sitrep draws the inbox', `${screenEnv} ${sitrep}`, 'sitrep ·'),
    await measureScreen(
      'sitrep shows the firing alert',
      `${screenEnv} ${sitrep}`,
      'HaproxyServerConnectionErrors',
    ),
  ]);
  report('Start-up', [
    measure('node -e 0', process.execPath, ['-e', '0']),
    measure('sitrep --version', sitrep, ['--version']),
  ]);
} finally {
  if (!wasUp) sh(process.execPath, ['scripts/stack.mjs', 'down']);
}
