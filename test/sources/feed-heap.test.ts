// The screen's process keeps its heaps near what they hold (src/sources/feed-heap.ts): once the
// feed's worker runs, no thread's young generation grows to V8's 32 MiB, and the worker's full
// collection frees what was dropped. V8's flags are process-wide, so each case runs in a child
// `node` of its own (never in the test runner), against the worker built from the sources.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/core/config/config.js';
import type { FeedWorkerData } from '../../src/sources/alert-feed-mirror.js';
import { amAlert, haproxyLabels } from '../helpers/api-fixtures.js';
import { buildFeedWorker } from '../helpers/feed-worker-build.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { plainSource } from '../helpers/source-config.js';
import { repoRoot } from '../helpers/stack.js';

let worker: Awaited<ReturnType<typeof buildFeedWorker>>;
let server: FaultServer;
let dir: string;
beforeAll(async () => {
  worker = await buildFeedWorker();
  server = await startFaultServer({
    '/api/v2/alerts': { kind: 'json', body: [amAlert(haproxyLabels('web1'))] },
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-feed-heap-'));
});
afterAll(async () => {
  worker.remove();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Starts the feed's worker (or not), waits for its first update, then makes 1 GiB of short-lived
// garbage the way a screen's frames do and prints the young generation's size in MiB.
const youngGenerationScript = `
import { Worker } from 'node:worker_threads';
import { getHeapSpaceStatistics } from 'node:v8';
const [workerUrl, data] = process.argv.slice(2);
if (workerUrl !== 'none') {
  const worker = new Worker(new URL(workerUrl), { workerData: JSON.parse(data), stdout: true });
  await new Promise((resolve, reject) => {
    worker.on('message', (m) => m.type === 'update' && m.alerts !== undefined && resolve());
    worker.on('error', reject);
    worker.postMessage({ type: 'start' });
  });
  worker.unref();
}
let kept = [];
for (let i = 0; i < 1000; i += 1) {
  const frame = [];
  for (let j = 0; j < 5000; j += 1) frame.push({ type: 'char', value: ' ', styles: [] });
  kept = frame;
}
const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
console.log(JSON.stringify({ youngMiB: young.space_size / 1048576, kept: kept.length }));
process.exit(0);
`;

// Async: the fault server answering the worker runs in this process.
const run = (script: string, args: readonly string[] = []) =>
  promisify(execFile)(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 60_000 });

async function youngGenerationMiB(workerUrl: URL | 'none'): Promise<number> {
  const script = path.join(dir, 'young.mjs');
  fs.writeFileSync(script, youngGenerationScript);
  const config: Config = {
    alertmanagers: [plainSource('alertmanager', 'am', server.url, 5_000)],
    prometheus: undefined,
    output: 'simple',
  };
  const data: FeedWorkerData = { config, intervalMs: 60_000, seed: undefined };
  const { stdout, stderr } = await run(script, [String(workerUrl), JSON.stringify(data)]);
  expect(stderr).toBe('');
  return (JSON.parse(stdout) as { youngMiB: number }).youngMiB;
}

// src/sources/feed-heap.ts bundled on its own, for a child process to import.
const buildFeedHeap = (outfile: string) =>
  build({
    entryPoints: [path.join(repoRoot, 'src', 'sources', 'feed-heap.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });

describe('the feed worker heap settings', () => {
  it('keep the young generation small in every thread once the worker runs', async () => {
    // Without the worker, V8's default lets the same garbage grow it to its 32 MiB maximum.
    expect(await youngGenerationMiB('none')).toBeGreaterThanOrEqual(16);
    expect(await youngGenerationMiB(worker.url)).toBeLessThanOrEqual(4);
  });

  it('give the worker a full collection that frees what it dropped', async () => {
    const script = path.join(dir, 'collect.mjs');
    const bundle = path.join(dir, 'feed-heap.mjs');
    fs.writeFileSync(
      script,
      `
      const { fullCollection } = await import(${JSON.stringify(new URL(`file://${bundle}`).href)});
      const collect = fullCollection();
      let garbage = Array.from({ length: 300_000 }, (_, i) => ({ i, text: 'x'.repeat(40) + i }));
      const before = process.memoryUsage().heapUsed;
      garbage = undefined;
      collect();
      const after = process.memoryUsage().heapUsed;
      console.log(JSON.stringify({ freedMiB: (before - after) / 1048576, gcGlobal: typeof globalThis.gc }));
      `,
    );
    await buildFeedHeap(bundle);
    const { stdout, stderr } = await run(script);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout) as { freedMiB: number; gcGlobal: string };
    // 300,000 objects with their strings are well over 20 MiB; nothing else ran in between.
    expect(result.freedMiB).toBeGreaterThan(20);
    // The collector is handed over, not left on every context's global object.
    expect(result.gcGlobal).toBe('undefined');
  });

  it("write the worker's heap to the screen's trace file only when there is one", async () => {
    const script = path.join(dir, 'trace.mjs');
    const bundle = path.join(dir, 'feed-heap-trace.mjs');
    const traceFile = path.join(dir, 'trace.jsonl');
    fs.writeFileSync(
      script,
      `
      import fs from 'node:fs';
      const { traceWorkerHeap } = await import(${JSON.stringify(new URL(`file://${bundle}`).href)});
      const file = ${JSON.stringify(traceFile)};
      // Without a trace file: nothing written, and no timer keeps the process alive.
      traceWorkerHeap({});
      traceWorkerHeap({ SITREP_TRACE_FILE: file, SITREP_TRACE_RSS_MS: '10' });
      const lines = () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\\n').filter(Boolean) : []);
      const keep = setInterval(() => {
        if (lines().length < 2) return;
        clearInterval(keep);
        console.log(JSON.stringify(lines().slice(0, 2).map((line) => JSON.parse(line))));
        process.exit(0);
      }, 5);
      `,
    );
    await buildFeedHeap(bundle);
    const { stdout, stderr } = await run(script);
    expect(stderr).toBe('');
    const lines = JSON.parse(stdout) as Record<string, unknown>[];
    for (const line of lines) {
      expect(line['kind']).toBe('worker-heap');
      for (const field of ['t', 'heapUsed', 'heapTotal', 'external', 'arrayBuffers'])
        expect(line[field]).toBeGreaterThan(0);
    }
    expect(lines[1]?.['t']).toBeGreaterThan(lines[0]?.['t'] as number);
  });
});
