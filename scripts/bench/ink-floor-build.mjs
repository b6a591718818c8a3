// Bundles scripts/bench/ink-floor.mjs as scripts/build.mjs bundles sitrep (the same settings, and
// the plugins that concern Ink: no devtools hook, Yoga handed its wasm bytes, sitrep's string-width
// and Ink's bounded measure cache) into `outdir`.
import { build } from 'esbuild';
import path from 'node:path';
import { bundleSettings, inkPlugins, productionDefine } from '../build-plugins.mjs';
import { repoRoot } from '../stack/settings.mjs';

/** The bundle's path, to run with node. */
export async function buildInkFloor(outdir) {
  await build({
    ...bundleSettings,
    entryPoints: { 'ink-floor': path.join(repoRoot, 'scripts', 'bench', 'ink-floor.mjs') },
    outdir,
    define: productionDefine,
    plugins: inkPlugins,
  });
  return path.join(outdir, 'ink-floor.js');
}
