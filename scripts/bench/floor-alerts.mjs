// The floor under `sitrep alerts --json` in Node: one request for Alertmanager's alerts, the answer
// parsed whole with JSON.parse and printed with JSON.stringify, and nothing else (no checks, no
// merge, no order, no config). What sitrep spends above this is its own; what this spends above
// curl is Node's start and V8's parse and print.
//   node scripts/bench/floor-alerts.mjs http://127.0.0.1:9093
import { Buffer } from 'node:buffer';
import http from 'node:http';

const url = new URL('/api/v2/alerts', process.argv[2]);
http
  .get(url, (response) => {
    if (response.statusCode !== 200) {
      console.error(`floor-alerts: ${url} answered ${response.statusCode}`);
      process.exit(1);
    }
    const chunks = [];
    response.on('data', (chunk) => chunks.push(chunk));
    response.on('end', () => {
      const alerts = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      process.stdout.write(`${JSON.stringify(alerts)}\n`);
    });
  })
  .on('error', (error) => {
    console.error(`floor-alerts: ${url}: ${error.message}`);
    process.exit(1);
  });
