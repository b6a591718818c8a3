// `npm run demo`: the quick start's main job. Builds sitrep, brings the local stack up,
// makes HaproxyServerConnectionErrors fire, and opens sitrep on that incident. Without a terminal
// (piped, or in CI) it prints the firing alerts with `sitrep alerts` instead.
// Extra arguments go to sitrep: `npm run demo -- alerts --json`.
//
// The demo keeps its incidents, exports, settings and caches in a folder of its own,
// .stack/demo (git ignores .stack): your own incidents and config are never touched, and an export
// made on the demo's screen lands there, not in the repository.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, stackSettings, stackUrls } from './stack/settings.mjs';

function step(what, cmd, args, env = process.env) {
  const result = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`demo: ${what} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

// Always rebuild (about a second): a bundle left from an older checkout would lack newer commands.
step('build', process.execPath, ['scripts/build.mjs']);
step('stack up', process.execPath, ['scripts/stack.mjs', 'up']);
console.log('waiting for the alert to fire (about 30 s)…');
step('fire', process.execPath, ['scripts/stack.mjs', 'fire', '1800']);

const urls = stackUrls(stackSettings());
const demoDir = path.join(repoRoot, '.stack', 'demo');
fs.mkdirSync(demoDir, { recursive: true });
const env = {
  ...process.env,
  SITREP_ALERTMANAGER_URL: urls.alertmanager,
  SITREP_PROMETHEUS_URL: urls.prometheus,
  XDG_CONFIG_HOME: path.join(demoDir, 'config'),
  XDG_DATA_HOME: path.join(demoDir, 'data'),
  XDG_CACHE_HOME: path.join(demoDir, 'cache'),
};
delete env.SITREP_CONFIG_FILE;
const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
const defaultArgs = interactive ? ['--alert', 'HaproxyServerConnectionErrors'] : ['alerts'];
const sitrepArgs = process.argv.slice(2);
if (!interactive) console.log(`\nsitrep against the local stack (Alertmanager ${urls.alertmanager}):\n`);
const result = spawnSync(path.join(repoRoot, 'bin', 'sitrep'), sitrepArgs.length ? sitrepArgs : defaultArgs, {
  cwd: demoDir,
  stdio: 'inherit',
  env,
});
console.log(
  `\nThe demo's incidents and exports are in ${path.relative(process.cwd(), demoDir) || '.'}.` +
    '\nThe stack keeps running (the load stops by itself after 30 minutes). Stop it with: npm run stack -- down',
);
process.exit(result.status ?? 1);
