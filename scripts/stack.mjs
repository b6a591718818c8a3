// The local alerting stack: Debian's Prometheus, Alertmanager and HAProxy on loopback.
//   node scripts/stack.mjs up|fire [SECONDS]|status|down|urls [--json]
// See README.md ("The local stack") for what each command does.
import path from 'node:path';
import { stackSettings, stackUrls, repoRoot } from './stack/settings.mjs';
import { writeConfigs } from './stack/configs.mjs';
import { ensureBinaries } from './stack/install.mjs';
import { isOurs, readRegistry, startProcess, stopProcess } from './stack/processes.mjs';
import { assertPortsFree, waitFor, httpGet, seedAlerts } from './stack/probe.mjs';
import {
  assertExporterPortFree,
  exporterArgv,
  exporterSettings,
  exporterUrls,
  runsExporter,
} from './stack/exporter.mjs';

const baseServices = ['haproxy', 'alertmanager', 'prometheus'];
// The standalone haproxy_exporter runs only when SITREP_STACK_HAPROXY_SOURCE asks for it.
let services = baseServices;
const seedAlert = 'HaproxyServerConnectionErrors';
const log = (msg) => console.log(`stack: ${msg}`);

function runningServices(s) {
  const registry = readRegistry(s.dir);
  return services.filter((name) => isOurs(registry[name]));
}

async function up(s) {
  const running = runningServices(s);
  if (running.length === services.length) {
    log(`already up in ${path.relative(repoRoot, s.dir) || s.dir}`);
    return printUrls(s);
  }
  if (running.length > 0) {
    log(`partly up (${running.join(', ')}): restarting`);
    await down(s, { quiet: true });
  }
  const bin = ensureBinaries(log);
  await assertPortsFree(s);
  await assertExporterPortFree(s);
  const files = writeConfigs(s);
  const urls = stackUrls(s);
  try {
    startProcess(s.dir, 'haproxy', [bin.haproxy, '-db', '-f', files.haproxy]);
    if (runsExporter(s)) startProcess(s.dir, 'haproxy_exporter', exporterArgv(s, log));
    startProcess(s.dir, 'alertmanager', [
      bin.alertmanager,
      `--config.file=${files.alertmanager}`,
      `--storage.path=${path.join(s.dir, 'alertmanager-data')}`,
      `--web.listen-address=127.0.0.1:${s.alertmanagerPort}`,
      `--web.external-url=${urls.alertmanager}`,
      // Empty: otherwise Alertmanager listens for cluster gossip on 0.0.0.0:9094.
      '--cluster.listen-address=',
    ]);
    startProcess(s.dir, 'prometheus', [
      bin.prometheus,
      `--config.file=${files.prometheus}`,
      `--storage.tsdb.path=${path.join(s.dir, 'prometheus-data')}`,
      '--storage.tsdb.retention.time=1d',
      `--web.listen-address=127.0.0.1:${s.prometheusPort}`,
      `--web.external-url=${urls.prometheus}`,
    ]);
    await waitFor('HAProxy metrics', () => httpGet(urls.haproxyMetrics).then((r) => r.status === 200), s);
    if (runsExporter(s)) {
      const exporterReads = (r) => r.status === 200 && /^haproxy_up 1$/m.test(r.body);
      await waitFor('haproxy_exporter', () => httpGet(exporterUrls(s).metrics).then(exporterReads), s);
    }
    await waitFor(
      'Alertmanager',
      () => httpGet(`${urls.alertmanager}/-/ready`).then((r) => r.status === 200),
      s,
    );
    await waitFor('Prometheus', () => httpGet(`${urls.prometheus}/-/ready`).then((r) => r.status === 200), s);
    await waitFor('the HAProxy rules', () => rulesLoaded(urls), s);
  } catch (error) {
    log(`start failed, stopping what was started: ${error.message}`);
    await down(s, { quiet: true });
    throw error;
  }
  log(`up in ${path.relative(repoRoot, s.dir) || s.dir}`);
  printUrls(s);
}

async function rulesLoaded(urls) {
  const res = await httpGet(`${urls.prometheus}/api/v1/rules`);
  return res.status === 200 && res.body.includes(seedAlert);
}

async function fire(s, seconds) {
  if (runningServices(s).length !== services.length) {
    throw new Error('the stack is not up: run `npm run stack -- up` first');
  }
  const urls = stackUrls(s);
  await stopProcess(s.dir, 'load', 1000);
  const rate = s.loadRatePerServer * s.backends.length;
  const loadScript = path.join(repoRoot, 'scripts', 'stack', 'load.mjs');
  startProcess(s.dir, 'load', [
    process.execPath,
    loadScript,
    `${urls.haproxy}/`,
    String(rate),
    String(seconds),
  ]);
  log(`load: ${s.loadRatePerServer} connection errors/s per server for ${seconds} s`);
  const started = Date.now();
  const expected = s.backends.map((b) => b.name);
  await waitFor(
    `${seedAlert} to fire for ${expected.join(', ')}`,
    async () => {
      const alerts = await seedAlerts(urls.alertmanager, seedAlert);
      return expected.every((server) => alerts.some((a) => a.labels.server === server));
    },
    s,
    120_000,
  );
  log(`${seedAlert} firing in Alertmanager after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function down(s, { quiet = false } = {}) {
  const registry = readRegistry(s.dir);
  const names = Object.keys(registry);
  const stopped = [];
  for (const name of ['load', ...services, ...names]) {
    if (name in registry && (await stopProcess(s.dir, name))) stopped.push(name);
    delete registry[name];
  }
  if (!quiet) log(stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing of ours was running');
}

function status(s) {
  const registry = readRegistry(s.dir);
  const urls = stackUrls(s);
  const where = {
    prometheus: urls.prometheus,
    alertmanager: urls.alertmanager,
    haproxy: `${urls.haproxy} (metrics ${urls.haproxyMetrics})`,
    load: 'load generator',
    haproxy_exporter: exporterUrls(s).metrics,
  };
  for (const name of [...services, 'load']) {
    const entry = registry[name];
    const state = isOurs(entry) ? `running, pid ${entry.pid}` : 'stopped';
    console.log(`${name.padEnd(13)} ${state.padEnd(20)} ${where[name]}`);
  }
  return runningServices(s).length === services.length ? 0 : 3;
}

function printUrls(s) {
  const urls = stackUrls(s);
  console.log(`  prometheus    ${urls.prometheus}`);
  console.log(`  alertmanager  ${urls.alertmanager}`);
}

async function main() {
  const [command, arg] = process.argv.slice(2);
  const s = { ...stackSettings(), ...exporterSettings() };
  if (runsExporter(s)) services = [...baseServices, 'haproxy_exporter'];
  switch (command) {
    case 'up':
      return up(s);
    case 'fire': {
      const seconds = arg === undefined ? 600 : Number(arg);
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) {
        throw new Error('fire takes a duration in seconds, 1 to 3600');
      }
      return fire(s, seconds);
    }
    case 'down':
      return down(s);
    case 'status':
      process.exitCode = status(s);
      return;
    case 'urls':
      console.log(JSON.stringify(stackUrls(s)));
      return;
    default:
      console.error('usage: npm run stack -- up | fire [SECONDS] | status | down | urls');
      process.exitCode = 2;
  }
}

main().catch((error) => {
  console.error(`stack: ${error.message}`);
  process.exitCode = 1;
});
