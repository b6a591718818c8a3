// `node scripts/screens.mjs`: captures sitrep's screens from a real terminal (tmux) against the
// local dev stack and writes them into README.md between `<!-- screen:NAME -->` markers, so the
// README shows the screens as they really look. Starts and fires the stack if needed; uses a
// throwaway data folder so your own incidents are untouched.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, stackSettings, stackUrls } from './stack/settings.mjs';

const urls = stackUrls(stackSettings());
const node = process.execPath;
const run = (args) => spawnSync(node, args, { cwd: repoRoot, stdio: 'inherit' });
const tmux = (...args) => execFileSync('tmux', args, { encoding: 'utf8' });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(name, predicate, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', name);
    if (predicate(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`timed out; last screen:\n${screen}`);
    await sleep(100);
  }
}

// The checkout's own path is left out: the README shows no machine's paths.
const trim = (screen) =>
  screen
    .replaceAll(`${repoRoot}/`, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n+$/, '');

async function capture() {
  if (run(['scripts/build.mjs']).status !== 0) throw new Error('build failed');
  if (run(['scripts/stack.mjs', 'up']).status !== 0) throw new Error('stack up failed');
  if (run(['scripts/stack.mjs', 'fire', '600']).status !== 0) throw new Error('fire failed');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-screens-'));
  const name = `sitrep-screens-${process.pid}`;
  const command = [
    'env',
    '-u',
    'CI',
    `SITREP_ALERTMANAGER_URL=${urls.alertmanager}`,
    `SITREP_PROMETHEUS_URL=${urls.prometheus}`,
    `XDG_DATA_HOME=${home}/data`,
    `XDG_CONFIG_HOME=${home}/config`,
    `XDG_CACHE_HOME=${home}/cache`,
    'USER=oncall',
    path.join(repoRoot, 'bin', 'sitrep'),
  ].join(' ');
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30', '-c', home, command);
  const screens = {};
  try {
    screens.inbox = await waitFor(
      name,
      (s) => s.includes('HaproxyServerConnectionErrors') && s.includes('ok,'),
    );
    tmux('send-keys', '-t', name, '?');
    screens.help = await waitFor(name, (s) => s.includes('Keys ('));
    // Esc and the next key must arrive apart, as typed: together they read as Alt+key.
    tmux('send-keys', '-t', name, 'Escape');
    await waitFor(name, (s) => !s.includes('Keys ('));
    tmux('send-keys', '-t', name, '/');
    tmux('send-keys', '-t', name, '-l', 'alertname="HaproxyServerConnectionErrors"');
    tmux('send-keys', '-t', name, 'Enter', 'Space', 'Down', 'Enter');
    await waitFor(name, (s) => /critical\s+Alert value/.test(s) && /critical\s+\d/.test(s));
    // Past the alert expression and the automatic checks, to the first runbook step.
    tmux('send-keys', '-t', name, 'j', 'j');
    screens.workspace = await waitFor(
      name,
      (s) => /critical\s+Connection errors/.test(s) && /req\/s/.test(s),
    );
    tmux('send-keys', '-t', name, 'S', 'Enter');
    tmux('send-keys', '-t', name, '-l', 'draining web1 while the service restarts');
    tmux('send-keys', '-t', name, 'Enter');
    screens.silence = await waitFor(name, (s) => s.includes('Create this silence'));
    tmux('send-keys', '-t', name, 'Escape');
    await sleep(300);
    tmux('send-keys', '-t', name, 'q');
  } finally {
    tmux('kill-session', '-t', name);
  }
  return screens;
}

const screens = await capture();
const readmePath = path.join(repoRoot, 'README.md');
let readme = fs.readFileSync(readmePath, 'utf8');
for (const [name, screen] of Object.entries(screens)) {
  const pattern = new RegExp(`(<!-- screen:${name} -->\\n)[\\s\\S]*?(<!-- /screen:${name} -->)`);
  if (!pattern.test(readme)) {
    console.warn(`README.md has no <!-- screen:${name} --> marker; skipped`);
    continue;
  }
  readme = readme.replace(
    pattern,
    (_, open, close) => `${open}\`\`\`text\n${trim(screen)}\n\`\`\`\n${close}`,
  );
}
fs.writeFileSync(readmePath, readme);
// Keep the file as `npm test`'s format check wants it.
execFileSync('npx', ['prettier', '--write', readmePath], { cwd: repoRoot, stdio: 'ignore' });
console.log(`README.md: wrote ${Object.keys(screens).join(', ')}`);
