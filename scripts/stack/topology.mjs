// Optional topologies the stack can add around its one Prometheus, Alertmanager and HAProxy, each
// switched on by an environment variable (see `node scripts/stack.mjs --help`). Ports default
// to the 29xxx dev range next to the base stack's; tests place them in their own ranges.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { portInUse } from './probe.mjs';

/**
 * How long `up` waits for each added server: longer than the base stack's 30 s, because a cluster,
 * VictoriaMetrics and two TLS servers start at once beside other jobs on a small CI machine.
 */
export const startTimeoutMs = 90_000;

function int(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name}=${raw} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

const on = (name) => ['1', 'true', 'yes'].includes((process.env[name] ?? '').toLowerCase());
const text = (name, fallback) => {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
};

/** Reads the SITREP_STACK_* topology settings, given the base stack's settings `s`. */
export function topologySettings(s) {
  const peers = int('SITREP_STACK_ALERTMANAGERS', 1, 1, 5);
  const clusterPort = int('SITREP_STACK_CLUSTER_PORT', s.alertmanagerPort + 20, 1, 65535);
  return {
    // Alertmanager i (0-based) serves the web API on alertmanagerPort + i and gossips on clusterPort + i.
    alertmanagerPorts: Array.from({ length: peers }, (_, i) => s.alertmanagerPort + i),
    clusterPorts: Array.from({ length: peers }, (_, i) => clusterPort + i),
    victoria: on('SITREP_STACK_VICTORIA')
      ? { port: int('SITREP_STACK_VICTORIA_PORT', 29428, 1, 65535) }
      : null,
    proxy: on('SITREP_STACK_PROXY')
      ? {
          port: int('SITREP_STACK_PROXY_PORT', 29085, 1, 65535),
          token: text('SITREP_STACK_PROXY_TOKEN', 'sitrep-stack-token'),
          tenant: text('SITREP_STACK_PROXY_TENANT', 'team-a'),
        }
      : null,
    tls: on('SITREP_STACK_TLS')
      ? {
          port: int('SITREP_STACK_TLS_PORT', 29091, 1, 65535),
          mtlsPort: int('SITREP_STACK_MTLS_PORT', 29092, 1, 65535),
        }
      : null,
  };
}

/** The `--help` lines for these settings. */
export const topologyHelp = `Topologies (environment variables; off by default):
  SITREP_STACK_ALERTMANAGERS=3   an Alertmanager cluster of N (1-5) gossiping on loopback; Prometheus
                                 sends to every peer. Peer i: web port ALERTMANAGER_PORT+i, gossip
                                 SITREP_STACK_CLUSTER_PORT+i (default ALERTMANAGER_PORT+20)
  SITREP_STACK_VICTORIA=1        VictoriaMetrics single-node scraping the same HAProxy
                                 (SITREP_STACK_VICTORIA_PORT, default 29428)
  SITREP_STACK_PROXY=1           an HAProxy gateway: /prometheus and /alertmanager, requiring
                                 "Authorization: Bearer $SITREP_STACK_PROXY_TOKEN" (401 otherwise) and
                                 "X-Scope-OrgID: $SITREP_STACK_PROXY_TENANT" (403 otherwise)
                                 (SITREP_STACK_PROXY_PORT, default 29085; token sitrep-stack-token; tenant team-a)
  SITREP_STACK_TLS=1             two more Prometheus servers on TLS with --web.config.file: one with a
                                 server certificate (SITREP_STACK_TLS_PORT, default 29091), one that
                                 also requires a client certificate (SITREP_STACK_MTLS_PORT, default
                                 29092). openssl makes a CA, server and client certificates in <dir>/tls/`;

/** Finds a program the topologies need, installing its Debian package when we may (root + apt). */
export function ensureProgram(name, pkg, paths, log) {
  const found = () => paths.find((p) => fs.existsSync(p));
  if (found()) return found();
  if (process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) {
    throw new Error(`missing ${name}. Install it with:\n  sudo apt-get install ${pkg}`);
  }
  log(`installing ${pkg} with apt-get (first run only)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], {
    stdio: 'inherit',
    env,
  });
  const where = found();
  if (!where) throw new Error(`${pkg} installed but ${name} is not at ${paths.join(' or ')}`);
  return where;
}

/** Names of the extra processes these settings start, beside haproxy, alertmanager and prometheus. */
export function topologyServices(t) {
  return [
    ...t.alertmanagerPorts.slice(1).map((_, i) => `alertmanager-${i + 2}`),
    ...(t.victoria ? ['victoria'] : []),
    ...(t.proxy ? ['proxy'] : []),
    ...(t.tls ? ['prometheus-tls', 'prometheus-mtls'] : []),
  ];
}

/** [what, port] for every extra port these settings listen on. */
export function topologyPorts(t) {
  const cluster = t.alertmanagerPorts.length > 1;
  return [
    ...t.alertmanagerPorts.slice(1).map((p, i) => [`Alertmanager ${i + 2}`, p]),
    ...(cluster ? t.clusterPorts.map((p, i) => [`Alertmanager ${i + 1} gossip`, p]) : []),
    ...(t.victoria ? [['VictoriaMetrics', t.victoria.port]] : []),
    ...(t.proxy ? [['the gateway', t.proxy.port]] : []),
    ...(t.tls
      ? [
          ['Prometheus TLS', t.tls.port],
          ['Prometheus mTLS', t.tls.mtlsPort],
        ]
      : []),
  ];
}

/** The extra URLs, by service name, for `status` and `urls`. */
export function topologyUrls(t) {
  const urls = {};
  t.alertmanagerPorts.slice(1).forEach((p, i) => (urls[`alertmanager-${i + 2}`] = `http://127.0.0.1:${p}`));
  if (t.victoria) urls.victoria = `http://127.0.0.1:${t.victoria.port}`;
  if (t.proxy) {
    urls.proxyPrometheus = `http://127.0.0.1:${t.proxy.port}/prometheus`;
    urls.proxyAlertmanager = `http://127.0.0.1:${t.proxy.port}/alertmanager`;
  }
  if (t.tls) {
    urls['prometheus-tls'] = `https://127.0.0.1:${t.tls.port}`;
    urls['prometheus-mtls'] = `https://127.0.0.1:${t.tls.mtlsPort}`;
  }
  return urls;
}

/** Fails with a clear message when a port of the topologies is taken. */
export async function assertTopologyPortsFree(t) {
  for (const [what, port] of topologyPorts(t)) {
    if (await portInUse(port)) {
      throw new Error(`port ${port} (for ${what}) is already in use; set SITREP_STACK_* ports to free ones`);
    }
  }
}
