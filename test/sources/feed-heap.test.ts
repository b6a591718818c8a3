// The screen's process keeps its heap near what it holds (src/sources/feed-heap.ts): with the
// feed's heap flags the young generation does not grow to V8's 32 MiB under a screen's frame
// garbage, and the full collection frees what was dropped. V8's flags are process-wide, so each case
// runs in a child `node` of its own (never in the test runner), with feed-heap.ts bundled for it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/stack.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-feed-heap-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (script: string, args: readonly string[] = []) =>
  promisify(execFile)(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 60_000 });

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

// With the flags set (or not), makes 1 GiB of short-lived garbage the way a screen's frames do and
// prints the young generation's size in MiB.
async function youngGenerationMiB(tighten: boolean): Promise<number> {
  const script = path.join(dir, 'young.mjs');
  const bundle = path.join(dir, 'feed-heap-young.mjs');
  fs.writeFileSync(
    script,
    `
    import { getHeapSpaceStatistics } from 'node:v8';
    const { tightenHeap } = await import(${JSON.stringify(new URL(`file://${bundle}`).href)});
    if (process.argv[2] === 'tighten') tightenHeap();
    let kept = [];
    for (let i = 0; i < 1000; i += 1) {
      const frame = [];
      for (let j = 0; j < 5000; j += 1) frame.push({ type: 'char', value: ' ', styles: [] });
      kept = frame;
    }
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    console.log(JSON.stringify({ youngMiB: young.space_size / 1048576, kept: kept.length }));
    `,
  );
  await buildFeedHeap(bundle);
  const { stdout, stderr } = await run(script, [tighten ? 'tighten' : 'default']);
  expect(stderr).toBe('');
  return (JSON.parse(stdout) as { youngMiB: number }).youngMiB;
}

describe('the feed heap settings', () => {
  it("keep the young generation small under a screen's frame garbage", async () => {
    // Without them, V8's default lets the same garbage grow it to its 32 MiB maximum.
    expect(await youngGenerationMiB(false)).toBeGreaterThanOrEqual(16);
    expect(await youngGenerationMiB(true)).toBeLessThanOrEqual(4);
  });

  it("give the screen's thread a full collection that frees what it dropped", async () => {
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
});
