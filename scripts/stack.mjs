// The local alerting stack: Debian's Prometheus, Alertmanager and HAProxy on loopback.
//   node scripts/stack.mjs up|fire [SECONDS]|status|down|urls|kill|respawn|pause|resume NAME|--help
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

import { alertmanagerArgv, prometheusClusterArgs, startPeers, waitForPeers } from './stack/cluster.mjs';
import { startProxy, waitForProxy } from './stack/proxy.mjs';
import { startTls, waitForTls } from './stack/tls.mjs';
import {
  assertTopologyPortsFree,
  topologyHelp,
  topologyServices,
  topologySettings,
  topologyUrls,
} from './stack/topology.mjs';
import { startVictoria, waitForVictoria } from './stack/victoria.mjs';

const baseServices = ['haproxy', 'alertmanager', 'prometheus'];
// The standalone haproxy_exporter runs only when SITREP_STACK_HAPROXY_SOURCE asks for it.
const allServices = (s) => [
  ...baseServices,
  ...(runsExporter(s) ? ['haproxy_exporter'] : []),
  ...topologyServices(s.topology),
];
const seedAlert = 'HaproxyServerConnectionErrors';
const log = (msg) => console.log(`stack: ${msg}`);

function runningServices(s) {
  const registry = readRegistry(s.dir);
  return allServices(s).filter((name) => isOurs(registry[name]));
}

async function up(s) {
  const running = runningServices(s);
  if (running.length === allServices(s).length) {
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
  await assertTopologyPortsFree(s.topology);
  const files = writeConfigs(s);
  const urls = stackUrls(s);
  try {
    startProcess(s.dir, 'haproxy', [bin.haproxy, '-db', '-f', files.haproxy]);
    if (runsExporter(s)) startProcess(s.dir, 'haproxy_exporter', exporterArgv(s, log));
    startProcess(s.dir, 'alertmanager', alertmanagerArgv(s, bin, files.alertmanager, 0));
    startPeers(s, bin, files.alertmanager);
    startProcess(s.dir, 'prometheus', [
      bin.prometheus,
      `--config.file=${files.prometheus}`,
      `--storage.tsdb.path=${path.join(s.dir, 'prometheus-data')}`,
      '--storage.tsdb.retention.time=1d',
      `--web.listen-address=127.0.0.1:${s.prometheusPort}`,
      `--web.external-url=${urls.prometheus}`,
      ...prometheusClusterArgs(s),
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
    await startTopologies(s, bin);
  } catch (error) {
    log(`start failed, stopping what was started: ${error.message}`);
    await down(s, { quiet: true });
    throw error;
  }
  log(`up in ${path.relative(repoRoot, s.dir) || s.dir}`);
  printUrls(s);
}

// The optional topologies (scripts/stack/topology.mjs), started once the base stack answers.
async function startTopologies(s, bin) {
  const t = s.topology;
  if (t.victoria) startVictoria(s, log);
  if (t.proxy) startProxy(s, bin);
  if (t.tls) startTls(s, bin, log);
  await waitForPeers(s);
  if (t.victoria) await waitForVictoria(s);
  if (t.proxy) await waitForProxy(s);
  if (t.tls) await waitForTls(s);
}

async function rulesLoaded(urls) {
  const res = await httpGet(`${urls.prometheus}/api/v1/rules`);
  return res.status === 200 && res.body.includes(seedAlert);
}

async function fire(s, seconds) {
  if (runningServices(s).length !== allServices(s).length) {
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
  for (const name of ['load', ...allServices(s), ...names]) {
    if (name in registry && (await stopProcess(s.dir, name))) stopped.push(name);
    delete registry[name];
  }
  if (!quiet) log(stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing of ours was running');
}

function status(s) {
  const registry = readRegistry(s.dir);
  const urls = stackUrls(s);
  const extra = topologyUrls(s.topology);
  const where = {
    prometheus: urls.prometheus,
    alertmanager: urls.alertmanager,
    haproxy: `${urls.haproxy} (metrics ${urls.haproxyMetrics})`,
    load: 'load generator',
    haproxy_exporter: exporterUrls(s).metrics,
    ...extra,
    proxy: `${extra.proxyPrometheus} and ${extra.proxyAlertmanager}`,
  };
  for (const name of [...allServices(s), 'load']) {
    const entry = registry[name];
    const state = isOurs(entry) ? `running, pid ${entry.pid}` : 'stopped';
    console.log(`${name.padEnd(16)} ${state.padEnd(20)} ${where[name]}`);
  }
  return runningServices(s).length === allServices(s).length ? 0 : 3;
}

function printUrls(s) {
  const urls = stackUrls(s);
  console.log(`  prometheus    ${urls.prometheus}`);
  console.log(`  alertmanager  ${urls.alertmanager}`);
  for (const [name, url] of Object.entries(topologyUrls(s.topology)))
    console.log(`  ${name.padEnd(16)} ${url}`);
}

// `kill NAME` SIGKILLs one recorded process and keeps its record, so `respawn NAME` can start it
// again with the same command line (for tests of a peer that dies and comes back).
function kill(s, name) {
  const entry = readRegistry(s.dir)[name];
  if (!isOurs(entry)) throw new Error(`${name} is not running (see \`status\`)`);
  process.kill(entry.pid, 'SIGKILL');
  log(`killed ${name} (pid ${entry.pid})`);
}

// `pause NAME` freezes a process (SIGSTOP): its port still accepts connections but nothing answers,
// as a hung server does; `resume NAME` lets it go on (SIGCONT).
function signal(s, name, sig) {
  const entry = readRegistry(s.dir)[name];
  if (!isOurs(entry)) throw new Error(`${name} is not running (see \`status\`)`);
  process.kill(entry.pid, sig);
  log(`${sig === 'SIGSTOP' ? 'paused' : 'resumed'} ${name} (pid ${entry.pid})`);
}

async function respawn(s, name) {
  const entry = readRegistry(s.dir)[name];
  if (!entry) throw new Error(`${name} was never started by this stack`);
  if (isOurs(entry)) return log(`${name} is already running (pid ${entry.pid})`);
  const pid = startProcess(s.dir, name, entry.argv);
  log(`respawned ${name} (pid ${pid})`);
}

const usage = `usage: npm run stack -- up | fire [SECONDS] | status | down | urls | kill NAME | respawn NAME | pause NAME | resume NAME

  up              start the stack (and the topologies below) with empty data
  fire [SECONDS]  send load through HAProxy until HaproxyServerConnectionErrors fires
  status          what runs where (exit 3 when not everything is up)
  down            stop every process this stack started
  urls            the URLs as JSON
  kill NAME       SIGKILL one process of the stack (e.g. alertmanager-2), keeping its record
  respawn NAME    start a killed process again with the same command line
  pause NAME      freeze one process (SIGSTOP): connections are accepted, nothing answers
  resume NAME     let a paused process go on (SIGCONT)

${topologyHelp}`;

async function main() {
  const [command, arg] = process.argv.slice(2);
  const s = { ...stackSettings(), ...exporterSettings() };
  s.topology = topologySettings(s);
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
      console.log(JSON.stringify({ ...stackUrls(s), ...topologyUrls(s.topology) }));
      return;
    case 'kill':
    case 'respawn':
    case 'pause':
    case 'resume':
      if (!arg) throw new Error(`${command} takes the name of a process (see \`status\`)`);
      if (command === 'pause' || command === 'resume') {
        return signal(s, arg, command === 'pause' ? 'SIGSTOP' : 'SIGCONT');
      }
      return command === 'kill' ? kill(s, arg) : respawn(s, arg);
    case '--help':
    case 'help':
      console.log(usage);
      return;
    default:
      console.error(usage);
      process.exitCode = 2;
  }
}

main().catch((error) => {
  console.error(`stack: ${error.message}`);
  process.exitCode = 1;
});
