// VictoriaMetrics single-node beside Prometheus, scraping the same HAProxy metrics every second, so
// sitrep's probes can be pointed at a second implementation of the Prometheus query API.
import fs from 'node:fs';
import path from 'node:path';
import { startProcess } from './processes.mjs';
import { httpGet, waitFor } from './probe.mjs';
import { ensureProgram, startTimeoutMs } from './topology.mjs';

function scrapeConfig(s) {
  return `# Written by scripts/stack: VictoriaMetrics scrapes the same HAProxy as Prometheus.
global:
  scrape_interval: 1s
scrape_configs:
  - job_name: haproxy
    static_configs:
      - targets: ['127.0.0.1:${s.haproxyMetricsPort}']
`;
}

/** Writes the scrape config and starts VictoriaMetrics with an empty data folder. */
export function startVictoria(s, log) {
  const bin = ensureProgram('victoria-metrics', 'victoria-metrics', ['/usr/bin/victoria-metrics'], log);
  const file = path.join(s.dir, 'victoria-scrape.yml');
  const data = path.join(s.dir, 'victoria-data');
  fs.rmSync(data, { recursive: true, force: true });
  fs.writeFileSync(file, scrapeConfig(s));
  startProcess(s.dir, 'victoria', [
    bin,
    `-httpListenAddr=127.0.0.1:${s.topology.victoria.port}`,
    `-storageDataPath=${data}`,
    '-retentionPeriod=1d',
    `-promscrape.config=${file}`,
    // The default hides the newest 30 s of samples from queries; a shorter one lets the stack's
    // one-second scrapes show up at once (see SECURITY.md / README for what this changes).
    '-search.latencyOffset=2s',
  ]);
}

/** Waits until VictoriaMetrics answers and has scraped HAProxy at least once. */
export async function waitForVictoria(s) {
  const url = `http://127.0.0.1:${s.topology.victoria.port}`;
  await waitFor(
    'VictoriaMetrics',
    () => httpGet(`${url}/health`).then((r) => r.status === 200),
    s,
    startTimeoutMs,
  );
  await waitFor(
    'VictoriaMetrics to scrape HAProxy',
    async () => {
      const res = await httpGet(`${url}/api/v1/query?query=${encodeURIComponent('up{job="haproxy"}')}`);
      return res.status === 200 && JSON.parse(res.body).data.result.length > 0;
    },
    s,
    startTimeoutMs,
  );
}
