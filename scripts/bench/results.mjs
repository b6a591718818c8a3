// The benchmark's output: a table on stdout, test/bench/results.json (every figure), and the
// "Latest results" part of test/bench/README.md, between its markers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../stack/settings.mjs';

const benchDir = path.join(repoRoot, 'test', 'bench');
const ms = (n) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n)} ms` : 'n/a');
const x = (n) => (Number.isFinite(n) ? `×${n.toFixed(2)}` : 'n/a');
const mib = (n) => (Number.isFinite(n) ? `${Math.round(n)} MiB` : 'n/a');

/** How a figure grows per 10× more alerts between two sizes: 10 is linear, more is worse. */
export function growthPer10x(small, large, smallSize, largeSize) {
  if (!(small > 0) || !(large > 0)) return NaN;
  return (large / small) ** (1 / Math.log10(largeSize / smallSize));
}

function rows(results) {
  const lines = [];
  const sizes = Object.keys(results.sizes)
    .map(Number)
    .sort((a, b) => a - b);
  for (const size of sizes) {
    const f = results.sizes[size];
    const label = `${size.toLocaleString('en-US')} alerts`;
    if (f.error) lines.push([label, 'failed, figures after it missing', '', '', f.error]);
    if (f.alerts) {
      const [amtool, sitrep, curl, floor] = f.alerts;
      const floorText = floor ? `, node's floor ${ms(floor.wallMs.median)} (${x(floor.ratioToFirst)})` : '';
      lines.push([
        label,
        'sitrep alerts --json',
        ms(sitrep.wallMs.median),
        `${x(sitrep.ratioToFirst)} amtool`,
        `${ms(amtool.wallMs.median)} amtool, ${ms(curl.wallMs.median)} curl (${x(curl.ratioToFirst)})${floorText}; CPU ${ms(sitrep.cpuMs?.median)} vs amtool ${ms(amtool.cpuMs?.median)} (${x(sitrep.cpuRatioToFirst)})`,
      ]);
      lines.push([
        label,
        'peak RSS, alerts --json',
        mib(sitrep.peakRssMiB),
        `${x(sitrep.peakRssMiB / amtool.peakRssMiB)} amtool`,
        `${mib(amtool.peakRssMiB)} amtool`,
      ]);
    }
    if (f.firstFrame) {
      lines.push([
        label,
        'first inbox frame listing alerts',
        ms(f.firstFrame.sitrepMs.median),
        `${x(f.firstFrame.ratioToAmtoolInTmux)} amtool in tmux`,
        `amtool's whole run in tmux ${ms(f.firstFrame.amtoolInTmuxMs?.median)}, bare ${ms(f.firstFrame.amtoolMs.median)} (sitrep ${x(f.firstFrame.ratioToAmtool)} that)`,
      ]);
    }
    if (f.screen) {
      const s = f.screen;
      lines.push([
        label,
        'key to frame (median / p99)',
        `${ms(s.keyToFrameMs.median)} / ${ms(s.keyToFrameMs.p99)}`,
        '',
        `${s.keyToFrameMs.n} keys`,
      ]);
      lines.push([
        label,
        'filter keystroke to frame (median / max)',
        `${ms(s.filterKeyToFrameMs.median)} / ${ms(s.filterKeyToFrameMs.max)}`,
        '',
        `${s.filterKeyToFrameMs.n} keys`,
      ]);
      lines.push([
        label,
        'longest stall around a refresh',
        ms(s.longestRefreshStallMs),
        '',
        `${s.refreshes} refreshes; longest stall overall ${ms(s.longestStallMs)}, loop delay p99 ${ms(s.loopDelayP99Ms)}`,
      ]);
      lines.push([
        label,
        'screen RSS: peak / early / late',
        `${mib(s.peakRssMiB)} / ${mib(s.rssEarlyMiB)} / ${mib(s.rssLateMiB)}`,
        '',
        'early and late: medians of the first and last third of the session',
      ]);
    }
  }
  const [small, large] = [sizes[0], sizes.at(-1)];
  if (small !== undefined && large !== undefined && small !== large) {
    const grow = (pick) =>
      x(growthPer10x(pick(results.sizes[small]), pick(results.sizes[large]), small, large));
    lines.push([
      'growth',
      `per 10× alerts (${small}→${large})`,
      '',
      '',
      `alerts --json ${grow((f) => f.alerts?.[1].wallMs.median)}, amtool ${grow((f) => f.alerts?.[0].wallMs.median)}, first frame ${grow((f) => f.firstFrame?.sitrepMs.median)} (×10 is linear)`,
    ]);
  }
  const once = results.once;
  if (once.probes) {
    const [one, eight] = once.probes;
    lines.push([
      'once',
      'probe step: 8 probes vs 1',
      ms(eight.wallMs.median),
      `${x(eight.ratioToFirst)} one probe`,
      `one probe ${ms(one.wallMs.median)}`,
    ]);
  }
  if (once.journal) {
    const [bare, ...formats] = once.journal.export;
    // md, json and html, in the order journalBench runs them; the first row also names the bare read.
    ['md', 'json', 'html'].forEach((format, index) => {
      const figure = formats[index];
      if (!figure) return;
      const peer = index === 0 ? `bare read and parse ${ms(bare.wallMs.median)}; ` : '';
      lines.push([
        'once',
        `export ${format}, ${once.journal.events} events`,
        ms(figure.wallMs.median),
        `${x(figure.ratioToFirst)} bare read`,
        `${peer}CPU ${ms(figure.cpuMs?.median)}, ${x(figure.cpuRatioToFirst)} the bare read's ${ms(bare.cpuMs?.median)}`,
      ]);
    });
    const resume = once.journal.resume;
    lines.push([
      'once',
      `resume to the workspace, ${once.journal.events} events`,
      ms(resume.sitrepMs.median),
      `${x(resume.ratioToBareReadInTmux)} bare read in tmux`,
      `until the checklist shows; the bare read in tmux ${ms(resume.bareReadInTmuxMs?.median)} (sitrep ${x(resume.ratioToBareRead)} the bare read run bare)`,
    ]);
    if (resume.inkFloorMs)
      lines.push([
        'once',
        'Ink floor: read the journal, draw a screen of it',
        ms(resume.inkFloorMs.median),
        `${x(resume.inkFloorRatioToBareReadInTmux)} bare read in tmux`,
        `React, Ink and Yoga as sitrep loads them; sitrep's resume ${x(resume.ratioToInkFloor)} this`,
      ]);
  }
  if (once.startup) {
    const [node, version] = once.startup;
    lines.push([
      'once',
      'sitrep --version',
      ms(version.wallMs.median),
      `${x(version.ratioToFirst)} node -e 0`,
      `node -e 0 ${ms(node.wallMs.median)}`,
    ]);
  }
  return lines;
}

function markdownTable(lines) {
  const header = ['size', 'figure', 'sitrep', 'ratio', 'peers and notes'];
  const escape = (cell) => String(cell).replace(/\|/g, '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...lines.map((line) => `| ${line.map(escape).join(' | ')} |`),
  ].join('\n');
}

/** Prints the table and writes results.json and the README's results section. */
export function writeResults(results) {
  const lines = rows(results);
  const table = markdownTable(lines);
  console.log(`\n${table}\n`);
  fs.mkdirSync(benchDir, { recursive: true });
  fs.writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const readme = path.join(benchDir, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const begin = '<!-- results -->';
  const end = '<!-- /results -->';
  const { machine, versions, date, runs } = results;
  const section = `${begin}\n\nRun on ${date.slice(0, 10)}: ${machine.cpus} cores (${machine.model}), ${machine.memGiB} GiB; Node ${versions.node}, ${versions.alertmanager}, ${versions.amtool}; medians of ${runs} runs after a warm-up.\n\n${table}\n\n${end}`;
  fs.writeFileSync(readme, text.replace(new RegExp(`${begin}[\\s\\S]*${end}`), section));
  // The README is checked by `npm test`'s format step: leave it as Prettier would.
  const prettier = path.join(repoRoot, 'node_modules', '.bin', 'prettier');
  spawnSync(prettier, ['--write', '--log-level', 'warn', readme], { stdio: 'inherit' });
}
