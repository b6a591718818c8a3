// Starting and stopping the stack's processes. Each process we start is recorded with its pid
// and exact command line; `down` signals a pid only while /proc still shows that command line,
// so a recycled pid or someone else's Prometheus is never touched.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const registryName = 'processes.json';

/** Reads the registry of processes this stack started: { name: { pid, argv } }. */
export function readRegistry(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, registryName), 'utf8'));
  } catch {
    return {};
  }
}

function writeRegistry(dir, registry) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, registryName);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(registry, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

function cmdlineOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

function isZombie(pid) {
  try {
    return /^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true;
  }
}

/** True when the recorded process is still alive and is still the program we started. */
export function isOurs(entry) {
  if (!entry || typeof entry.pid !== 'number') return false;
  const cmdline = cmdlineOf(entry.pid);
  if (!cmdline || isZombie(entry.pid)) return false;
  return cmdline.length === entry.argv.length && cmdline.every((arg, i) => arg === entry.argv[i]);
}

/** Starts a program detached from this process, logging to <dir>/<name>.log, and records it. */
export function startProcess(dir, name, argv) {
  const log = fs.openSync(path.join(dir, `${name}.log`), 'a');
  const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  child.unref();
  if (child.pid === undefined) throw new Error(`could not start ${argv[0]}`);
  const registry = readRegistry(dir);
  registry[name] = { pid: child.pid, argv, startedAt: new Date().toISOString() };
  writeRegistry(dir, registry);
  return child.pid;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops one recorded process (TERM, then KILL after a grace period) and forgets it. */
export async function stopProcess(dir, name, graceMs = 10_000) {
  const registry = readRegistry(dir);
  const entry = registry[name];
  let stopped = false;
  if (isOurs(entry)) {
    process.kill(entry.pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (isOurs(entry) && Date.now() < deadline) await sleep(100);
    if (isOurs(entry)) process.kill(entry.pid, 'SIGKILL');
    while (isOurs(entry)) await sleep(50);
    stopped = true;
  }
  delete registry[name];
  writeRegistry(dir, registry);
  return stopped;
}
