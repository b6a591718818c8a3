// Where the local stack lives and which loopback ports it uses. Every value can be overridden
// by an environment variable so that tests can run a second stack beside a developer's own.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name}=${raw} is not a TCP port (1-65535)`);
  }
  return value;
}

/** Reads the stack's settings from the environment (SITREP_STACK_*), with safe defaults. */
export function stackSettings() {
  const backendPorts = (process.env.SITREP_STACK_BACKEND_PORTS ?? '29101,29102')
    .split(',')
    .map((p) => Number(p.trim()));
  return {
    dir: path.resolve(process.env.SITREP_STACK_DIR ?? path.join(repoRoot, '.stack', 'dev')),
    prometheusPort: port('SITREP_STACK_PROMETHEUS_PORT', 29090),
    alertmanagerPort: port('SITREP_STACK_ALERTMANAGER_PORT', 29093),
    haproxyPort: port('SITREP_STACK_HAPROXY_PORT', 29080),
    haproxyMetricsPort: port('SITREP_STACK_HAPROXY_METRICS_PORT', 29404),
    // Backend servers point at closed loopback ports: every request through HAProxy is a
    // connection error, which is what makes the seed alert fire.
    backends: backendPorts.map((p, i) => ({ name: `web${i + 1}`, port: p })),
    rulesFile: path.join(repoRoot, 'runbooks', 'haproxy', 'rules.yml'),
    // Connection errors per second per backend server while `fire` runs (the alert fires above 100).
    loadRatePerServer: port('SITREP_STACK_LOAD_RATE', 250),
  };
}

/** The URLs a client of the stack needs. */
export function stackUrls(s) {
  return {
    prometheus: `http://127.0.0.1:${s.prometheusPort}`,
    alertmanager: `http://127.0.0.1:${s.alertmanagerPort}`,
    haproxy: `http://127.0.0.1:${s.haproxyPort}`,
    haproxyMetrics: `http://127.0.0.1:${s.haproxyMetricsPort}/metrics`,
  };
}
