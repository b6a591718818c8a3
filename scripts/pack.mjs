// What `npm pack` and `npm publish` ship, made around them by the prepack and postpack hooks:
//
//   prepack   builds the release bundle (no source maps; SITREP_SOURCEMAPS=1 keeps them), puts the
//             licence at the package root as LICENSE, and writes the published package.json: no
//             scripts (so nothing runs on install, and no `prepare` pointing at a scripts/ folder
//             that is not shipped), no devDependencies and no dependencies (dist/ is one
//             self-contained bundle). The repository's package.json is kept aside meanwhile.
//   postpack  puts the repository's package.json back and removes LICENSE.
//
// The licence text lives in scripts/release/LICENSE.txt because the repository's top level is
// fixed; a LICENSE file appears at the top only inside the package.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot } from './stack/settings.mjs';

const manifest = path.join(repoRoot, 'package.json');
const kept = path.join(repoRoot, 'node_modules', '.sitrep-pack', 'package.json');
const licence = path.join(repoRoot, 'LICENSE');

/** The package.json that ships: what an installed sitrep needs to know, nothing to run. */
export function publishedManifest(pkg) {
  const published = { ...pkg };
  for (const key of ['scripts', 'devDependencies', 'dependencies']) delete published[key];
  return published;
}

function prepack() {
  if (fs.existsSync(kept)) restore(); // a pack that died half-way: start from the real file
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), '--release'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const text = fs.readFileSync(manifest, 'utf8');
  fs.mkdirSync(path.dirname(kept), { recursive: true });
  fs.writeFileSync(kept, text);
  fs.writeFileSync(manifest, `${JSON.stringify(publishedManifest(JSON.parse(text)), null, 2)}\n`);
  fs.copyFileSync(path.join(repoRoot, 'scripts', 'release', 'LICENSE.txt'), licence);
}

function restore() {
  fs.copyFileSync(kept, manifest);
  fs.rmSync(kept);
  fs.rmSync(licence, { force: true });
}

const step = process.argv[2];
if (step === 'prepack') prepack();
else if (step === 'postpack') restore();
else if (step !== undefined) {
  console.error(`usage: node scripts/pack.mjs prepack|postpack (got ${step})`);
  process.exit(2);
}
