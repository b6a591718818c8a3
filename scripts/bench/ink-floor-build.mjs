// Bundles scripts/bench/ink-floor.mjs as scripts/build.mjs bundles sitrep (ESM, production React,
// the plugins that concern Ink: no devtools hook, Yoga handed its wasm bytes) into `outdir`.
import { build } from 'esbuild';
import path from 'node:path';
import { emptyDevtools, yogaBytes } from '../build-plugins.mjs';
import { repoRoot } from '../stack/settings.mjs';

/** The bundle's path, to run with node. */
export async function buildInkFloor(outdir) {
  await build({
    entryPoints: { 'ink-floor': path.join(repoRoot, 'scripts', 'bench', 'ink-floor.mjs') },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: {
      js: "import { createRequire as __floorCreateRequire } from 'node:module'; const require = __floorCreateRequire(import.meta.url);",
    },
    plugins: [emptyDevtools, yogaBytes],
    logLevel: 'warning',
  });
  return path.join(outdir, 'ink-floor.js');
}
