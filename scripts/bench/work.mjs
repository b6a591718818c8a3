// The benchmark's size-independent figures: probe fan-out, and the cost of an incident's journal.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { paired, runOnce, stats } from './measure.mjs';
import { killSession, screenText, sendKeys, startInTmux, waitForScreen, wholeRunInTmux } from './screen.mjs';
import { buildInkFloor } from './ink-floor-build.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Queries on Prometheus's own metrics, so they return data on any stack.
const queries = [
  'sum by (job) (rate(prometheus_http_requests_total{job="{{ $labels.job }}"}[1m]))',
  'max by (job) (process_resident_memory_bytes{job="{{ $labels.job }}"})',
  'sum by (job) (rate(process_cpu_seconds_total{job="{{ $labels.job }}"}[1m]))',
  'max by (job) (prometheus_tsdb_head_series{job="{{ $labels.job }}"})',
  'sum by (job) (rate(prometheus_tsdb_head_samples_appended_total{job="{{ $labels.job }}"}[1m]))',
  'max by (job) (go_goroutines{job="{{ $labels.job }}"})',
  'sum by (job) (scrape_samples_scraped{job="{{ $labels.job }}"})',
  'max by (job) (up{job="{{ $labels.job }}"})',
];

function runbook(name, count) {
  const probes = queries
    .slice(0, count)
    .map((q, i) => `   \`\`\`promql title="Probe ${i + 1}" warn="> 1e12" range="15m"\n   ${q}\n   \`\`\``)
    .join('\n\n');
  return `# ${name}\n\n## Meaning\n\nBenchmark runbook.\n\n## Impact\n\nNone.\n\n## Diagnosis\n\n1. Look at the probes.\n\n${probes}\n\n## Mitigation\n\n1. Nothing.\n`;
}

/** `sitrep probe` on a step of 8 probes vs a step of one, alternated run by run. */
export function probeFanOut({ sitrep, env, scratch, runs }) {
  const dir = path.join(scratch, 'runbooks');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'BenchOneProbe.md'), runbook('BenchOneProbe', 1));
  fs.writeFileSync(path.join(dir, 'BenchEightProbes.md'), runbook('BenchEightProbes', 8));
  const probeEnv = { ...env, SITREP_RUNBOOK_DIRS: dir };
  const command = (name, label) => ({
    label,
    argv: [sitrep, 'probe', name, '--label', 'job=prometheus', '--step', '1', '--json'],
    env: probeEnv,
    allowExit: [0, 1],
  });
  return paired(
    [command('BenchOneProbe', 'probe: 1 probe'), command('BenchEightProbes', 'probe: 8 probes')],
    {
      runs,
    },
  );
}

/** Opens an incident in the screen (first alert of the inbox), quits, and returns its journal file. */
async function openIncident(sitrep, env) {
  const name = `sitrep-bench-open-${process.pid}`;
  const start = process.hrtime.bigint();
  startInTmux(name, [sitrep], env);
  try {
    await waitForScreen(name, (text) => /^\s*›\s*(critical|warning|info|none)\s+\S/m.test(text), start);
    sendKeys(name, 'Enter');
    await waitForScreen(name, (text) => /\bD1\b/.test(text), start);
    await sleep(1000);
    sendKeys(name, 'q');
    await sleep(1000);
  } finally {
    killSession(name);
  }
  const dir = path.join(env.XDG_DATA_HOME, 'sitrep', 'incidents');
  const file = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (file === undefined) throw new Error('no incident journal was written');
  return file;
}

/**
 * An incident of 10,000 events: opened in the real screen, one note added by `sitrep note`, then
 * that note's line repeated with other times and texts. Export (md, json, html) and resume are
 * measured against a bare node script that reads and parses the same journal.
 */
export async function journalBench({ sitrep, env, scratch, runs, events = 10_000 }) {
  const file = await openIncident(sitrep, env);
  const id = path.basename(file, '.jsonl');
  const noted = spawnSync(sitrep, ['note', id, 'benchmark note 0'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (noted.status !== 0) throw new Error(`sitrep note: ${noted.stderr}`);
  const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const note = JSON.parse(lines.at(-1));
  const start = Date.parse(note.at);
  const extra = [];
  for (let i = lines.length; i < events; i += 1) {
    extra.push(
      JSON.stringify({ ...note, at: new Date(start + i * 1000).toISOString(), text: `benchmark note ${i}` }),
    );
  }
  fs.appendFileSync(file, `${extra.join('\n')}\n`);
  const bare = path.join(scratch, 'bare-read.mjs');
  fs.writeFileSync(
    bare,
    `import fs from 'node:fs';\nconst events = fs.readFileSync(${JSON.stringify(file)}, 'utf8').split('\\n').filter(Boolean).map((l) => JSON.parse(l));\nif (events.length < ${events}) process.exit(1);\n`,
  );
  const bareRead = { label: 'node: read and parse the journal', argv: [process.execPath, bare] };
  const exportCommands = paired(
    [
      bareRead,
      {
        label: 'sitrep export --format md',
        argv: [sitrep, 'export', id, '--format', 'md', '-o', '/dev/null'],
        env,
      },
      {
        label: 'sitrep export --format json',
        argv: [sitrep, 'export', id, '--format', 'json', '-o', '/dev/null'],
        env,
      },
      {
        label: 'sitrep export --format html',
        argv: [sitrep, 'export', id, '--format', 'html', '-o', '/dev/null'],
        env,
      },
    ],
    { runs },
  );
  // Resume: from start until the workspace shows the incident's checklist.
  const resume = [];
  const read = [];
  const readInTmux = [];
  const floor = [];
  const inkFloor = await buildInkFloor(path.join(scratch, 'ink-floor'));
  for (let i = 0; i <= runs; i += 1) {
    const r = runOnce(bareRead).ms;
    const t = await wholeRunInTmux(bareRead.argv, {});
    const f = await untilD1([process.execPath, inkFloor, file], {}, 'ink-floor', i);
    const ms = await untilD1([sitrep, 'resume', id], env, 'resume', i);
    if (i > 0) {
      resume.push(ms);
      read.push(r);
      readInTmux.push(t);
      floor.push(f);
    }
  }
  return {
    events,
    export: exportCommands,
    resume: {
      sitrepMs: stats(resume),
      bareReadMs: stats(read),
      bareReadInTmuxMs: stats(readInTmux),
      ratioToBareRead: stats(resume.map((m, i) => m / read[i])).median,
      ratioToBareReadInTmux: stats(resume.map((m, i) => m / readInTmux[i])).median,
      inkFloorMs: stats(floor),
      inkFloorRatioToBareReadInTmux: stats(floor.map((m, i) => m / readInTmux[i])).median,
      ratioToInkFloor: stats(resume.map((m, i) => m / floor[i])).median,
    },
  };
}

// Ms from starting `argv` in a tmux pane until it shows the word D1 (resume's checklist, the Ink
// floor's first row).
async function untilD1(argv, env, label, round) {
  const name = `sitrep-bench-${label}-${process.pid}-${round}`;
  const begin = process.hrtime.bigint();
  startInTmux(name, argv, env, { after: '; sleep 60' });
  try {
    return await waitForScreen(name, (text) => /\bD1\b/.test(text), begin);
  } catch (error) {
    throw new Error(`${label} never showed D1: ${error.message}\n${screenText(name)}`);
  } finally {
    killSession(name);
  }
}
