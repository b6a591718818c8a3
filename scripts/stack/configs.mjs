// The stack's own config files, written into its runtime folder on every `up`.
import fs from 'node:fs';
import path from 'node:path';
import { haproxyScrapeJobs, ruleFiles } from './exporter.mjs';
import { scenarioRoutes, scenarioSections } from './scenarios.mjs';

// Every Alertmanager peer when the stack runs a cluster (SITREP_STACK_ALERTMANAGERS), else the one.
function alertmanagerTargets(s) {
  const ports = s.topology?.alertmanagerPorts ?? [s.alertmanagerPort];
  return ports.map((p) => `'127.0.0.1:${p}'`).join(', ');
}

function prometheusConfig(s) {
  return `# Written by scripts/stack: scrape and evaluate every second so alerts fire within seconds.
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
${ruleFiles(s)
  .map((file) => `  - ${JSON.stringify(file)}`)
  .join('\n')}
alerting:
  alertmanagers:
    - static_configs:
        - targets: [${alertmanagerTargets(s)}]
scrape_configs:
${haproxyScrapeJobs(s)}
  - job_name: prometheus
    static_configs:
      - targets: ['127.0.0.1:${s.prometheusPort}']
  - job_name: alertmanager
    static_configs:
      - targets: ['127.0.0.1:${s.alertmanagerPort}']
`;
}

function alertmanagerConfig() {
  return `# Written by scripts/stack: 1 s waits so a firing alert shows up within seconds.
route:
  receiver: local-null
  group_by: ['alertname']
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 4h
receivers:
  - name: local-null
`;
}

function haproxyConfig(s) {
  const servers = s.backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port}`).join('\n');
  return `# Written by scripts/stack. The backend servers point at closed loopback ports and have no
# health checks, so every request through the frontend is a connection error.
global
  maxconn 2000

defaults
  mode http
  retries 0
  timeout connect 1s
  timeout client 10s
  timeout server 10s

frontend web
  bind 127.0.0.1:${s.haproxyPort}
${scenarioRoutes(s)}  default_backend app

backend app
  balance roundrobin
${servers}

frontend metrics
  bind 127.0.0.1:${s.haproxyMetricsPort}
  http-request use-service prometheus-exporter if { path /metrics }
  # The CSV stats page the standalone haproxy_exporter reads (scripts/stack/exporter.mjs).
  stats enable
  stats uri /stats
  http-request return status 404 if !{ path_beg /stats }
${scenarioSections(s)}`;
}

/** Writes the three config files and makes the data folders; returns their paths. */
export function writeConfigs(s) {
  const files = {
    prometheus: path.join(s.dir, 'prometheus.yml'),
    alertmanager: path.join(s.dir, 'alertmanager.yml'),
    haproxy: path.join(s.dir, 'haproxy.cfg'),
  };
  // Every `up` starts clean. Silences from an earlier run would keep `fire` waiting for a muted
  // alert, and an earlier run's series would blur what this run shows (the detection lag reads the
  // first crossing of the threshold in range).
  for (const data of ['prometheus-data', 'alertmanager-data']) {
    fs.rmSync(path.join(s.dir, data), { recursive: true, force: true });
    fs.mkdirSync(path.join(s.dir, data), { recursive: true });
  }
  fs.writeFileSync(files.prometheus, prometheusConfig(s));
  fs.writeFileSync(files.alertmanager, alertmanagerConfig());
  fs.writeFileSync(files.haproxy, haproxyConfig(s));
  return files;
}
