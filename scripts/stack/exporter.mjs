// Which HAProxy metric source the stack runs: HAProxy's built-in Prometheus exporter, Debian's
// standalone prometheus-haproxy-exporter (0.14, reading HAProxy's CSV stats page), or both, as in a
// migration. SITREP_STACK_HAPROXY_SOURCE=builtin (default) | exporter | both picks; the matching rule
// file (rules.yml, rules-haproxy-exporter.yml, or both) is what Prometheus loads.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from './settings.mjs';

const sources = ['builtin', 'exporter', 'both'];
const binary = '/usr/bin/prometheus-haproxy-exporter';

/** The metric source setting and the exporter's port, read from the environment. */
export function exporterSettings() {
  const source = process.env.SITREP_STACK_HAPROXY_SOURCE || 'builtin';
  if (!sources.includes(source)) {
    throw new Error(`SITREP_STACK_HAPROXY_SOURCE=${source}: use one of ${sources.join(', ')}`);
  }
  const raw = process.env.SITREP_STACK_EXPORTER_PORT || '29105';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`SITREP_STACK_EXPORTER_PORT=${raw} is not a TCP port (1-65535)`);
  }
  return { source, exporterPort: port };
}

/** True when the stack runs the standalone exporter. */
export function runsExporter(s) {
  return s.source === 'exporter' || s.source === 'both';
}

/** True when Prometheus scrapes HAProxy's own /metrics. */
export function scrapesBuiltin(s) {
  return s.source === 'builtin' || s.source === 'both';
}

/** The rule files Prometheus loads for this source. */
export function ruleFiles(s) {
  const dir = path.join(repoRoot, 'runbooks', 'haproxy');
  return [
    ...(scrapesBuiltin(s) ? [path.join(dir, 'rules.yml')] : []),
    ...(runsExporter(s) ? [path.join(dir, 'rules-haproxy-exporter.yml')] : []),
  ];
}

/** The scrape jobs for HAProxy: `haproxy` (built-in exporter) and/or `haproxy_exporter`. */
export function haproxyScrapeJobs(s) {
  const jobs = [];
  if (scrapesBuiltin(s)) {
    jobs.push(`  - job_name: haproxy
    static_configs:
      - targets: ['127.0.0.1:${s.haproxyMetricsPort}']`);
  }
  if (runsExporter(s)) {
    jobs.push(`  - job_name: haproxy_exporter
    static_configs:
      - targets: ['127.0.0.1:${s.exporterPort}']`);
  }
  return jobs.join('\n');
}

/** The exporter's URLs: its /metrics, and the HAProxy stats CSV it reads. */
export function exporterUrls(s) {
  return {
    metrics: `http://127.0.0.1:${s.exporterPort}/metrics`,
    statsCsv: `http://127.0.0.1:${s.haproxyMetricsPort}/stats;csv`,
  };
}

/**
 * The exporter's command line. Installs Debian's package first when it is missing and we may (root
 * with apt-get, as for the other binaries); otherwise throws saying what to install.
 */
export function exporterArgv(s, log = () => {}) {
  if (!fs.existsSync(binary) && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    log('installing prometheus-haproxy-exporter with apt-get (first run only)...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', 'prometheus-haproxy-exporter'],
      { stdio: 'inherit', env },
    );
  }
  if (!fs.existsSync(binary)) {
    throw new Error(
      `SITREP_STACK_HAPROXY_SOURCE=${s.source} needs ${binary}: sudo apt-get install prometheus-haproxy-exporter`,
    );
  }
  return [
    binary,
    `--web.listen-address=127.0.0.1:${s.exporterPort}`,
    `--haproxy.scrape-uri=${exporterUrls(s).statsCsv}`,
  ];
}

/** Fails with a clear message when the exporter's port is taken (else another exporter could answer). */
export async function assertExporterPortFree(s) {
  if (!runsExporter(s)) return;
  const inUse = await new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: s.exporterPort });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
  if (inUse) {
    throw new Error(
      `port ${s.exporterPort} (for haproxy_exporter) is already in use; set SITREP_STACK_EXPORTER_PORT to a free one`,
    );
  }
}
