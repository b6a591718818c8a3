// The alert feed's worker script built from the sources, as scripts/build.mjs builds it into dist/,
// so tests can run the worker path without a full build (vitest cannot start a .ts worker).
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './stack.js';

/** Bundles src/sources/alert-feed-worker.ts into a temporary folder; returns its URL and a cleanup. */
export async function buildFeedWorker(): Promise<{ url: URL; remove: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-feed-worker-'));
  const outfile = path.join(dir, 'alert-feed-worker.mjs');
  await build({
    entryPoints: [path.join(repoRoot, 'src', 'sources', 'alert-feed-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: {
      js: "import { createRequire as __sitrepCreateRequire } from 'node:module'; const require = __sitrepCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return { url: pathToFileURL(outfile), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
