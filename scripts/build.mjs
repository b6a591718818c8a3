// Bundles the CLI into dist/sitrep.js with esbuild: React in production mode, and Ink's optional
// devtools hook replaced by an empty module (it is only loaded under DEV=true). The interactive
// screen is split into its own chunk (dist/chunks/), loaded only when the screen opens, so
// scripted commands (`sitrep alerts --json`) never load React, Ink or Yoga.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './stack/settings.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

const emptyDevtools = {
  name: 'empty-react-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({
      path: 'react-devtools-core',
      namespace: 'empty',
    }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {}', loader: 'js' }));
  },
};

fs.rmSync(path.join(repoRoot, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [path.join(repoRoot, 'src', 'cli', 'entry.ts')],
  outdir: path.join(repoRoot, 'dist'),
  entryNames: 'sitrep',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  sourcemap: 'linked',
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    __SITREP_VERSION__: JSON.stringify(pkg.version),
  },
  // Some bundled CommonJS packages call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __sitrepCreateRequire } from 'node:module'; const require = __sitrepCreateRequire(import.meta.url);",
  },
  plugins: [emptyDevtools],
  logLevel: 'warning',
});
