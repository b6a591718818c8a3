// Bundles the CLI into dist/sitrep.js with esbuild: React in production mode, and Ink's optional
// devtools hook replaced by an empty module (it is only loaded under DEV=true). The interactive
// screen is split into its own chunk (dist/chunks/), loaded only when the screen opens, so
// scripted commands (`sitrep alerts --json`) never load React, Ink or Yoga.
//
// The bundle holds every runtime package, so the installed package needs no dependencies. The
// licences of the packages bundled in go to dist/THIRD-PARTY-NOTICES.txt (their MIT/ISC/Apache
// terms ask for the notice to travel with the code). `--release` (npm pack) leaves out the source
// maps unless SITREP_SOURCEMAPS=1; a development build keeps them.
//
//   node scripts/build.mjs            dist/ with source maps
//   node scripts/build.mjs --release  dist/ as packed
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './stack/settings.mjs';
import { bundleSettings, inkPlugins, noStreamsPolyfill, productionDefine } from './build-plugins.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

const release = process.argv.includes('--release');
const sourcemap = !release || process.env.SITREP_SOURCEMAPS === '1' ? 'linked' : false;

fs.rmSync(path.join(repoRoot, 'dist'), { recursive: true, force: true });
const result = await build({
  entryPoints: { sitrep: path.join(repoRoot, 'src', 'cli', 'entry.ts') },
  outdir: path.join(repoRoot, 'dist'),
  ...bundleSettings,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  sourcemap,
  metafile: true,
  define: { ...productionDefine, __SITREP_VERSION__: JSON.stringify(pkg.version) },
  plugins: [...inkPlugins, noStreamsPolyfill],
});

fs.writeFileSync(path.join(repoRoot, 'dist', 'THIRD-PARTY-NOTICES.txt'), thirdPartyNotices(result.metafile));

/** The licence text of every npm package with code in the bundle, one after another. */
function thirdPartyNotices(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!match) continue;
    const dir = path.join(repoRoot, input.slice(0, match.index + match[0].length));
    packages.set(match[1], dir);
  }
  const sections = [...packages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, dir]) => {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
      const text = file
        ? fs.readFileSync(path.join(dir, file), 'utf8').trim()
        : `License: ${manifest.license}`;
      return `${name}@${manifest.version} (${manifest.license ?? 'see below'})\n\n${text}\n`;
    });
  const rule = `\n${'-'.repeat(72)}\n\n`;
  return `sitrep's bundle (dist/) includes code from these packages, under these terms.\n${rule}${sections.join(rule)}`;
}
