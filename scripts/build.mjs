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

// Yoga (Ink's layout engine) ships its WebAssembly as a base64 data: URL, which its loader reads with
// fetch() whenever fetch exists, as it does on Node 20: that loads Node's own fetch (undici) and
// decodes the URL in JavaScript before the screen can draw (about 20 ms of CPU and 60-130 ms of wall
// time measured on the shared 2-core machine). Handing the loader the bytes (its wasmBinary option)
// skips both. The build fails if Yoga's entry no longer reads as expected.
const yogaBytes = {
  name: 'yoga-wasm-bytes',
  setup(b) {
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, (args) => {
      const entry = fs.readFileSync(args.path, 'utf8');
      const dir = path.dirname(args.path);
      const binaries = fs.readFileSync(path.join(dir, '..', 'binaries', 'yoga-wasm-base64-esm.js'), 'utf8');
      const wasm = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/.exec(binaries);
      if (!entry.includes('wrapAssembly(await loadYoga())') || !wasm)
        throw new Error(
          `yoga-layout changed: ${args.path} no longer loads its wasm as scripts/build.mjs expects`,
        );
      const contents = [
        "import loadYoga from '../binaries/yoga-wasm-base64-esm.js';",
        "import wrapAssembly from './wrapAssembly.js';",
        `const wasmBinary = Buffer.from(${JSON.stringify(wasm[1])}, 'base64');`,
        'export default wrapAssembly(await loadYoga({ wasmBinary }));',
        "export * from './generated/YGEnums.js';",
      ].join('\n');
      return { contents, loader: 'js', resolveDir: dir };
    });
  },
};

// string-width 8 (Ink's, and ours) sends any text that is not plain ASCII through a grapheme
// segmenter; src/core/format/narrow-width.ts counts text whose characters are all one cell wide
// (the inbox's "·", "…", "●") by its length and hands the rest to string-width. Imports of
// string-width get it, but for its own and wrap-ansi's (which has string-width 7 of its own).
const narrowWidth = {
  name: 'narrow-width',
  setup(b) {
    const fast = path.join(repoRoot, 'src', 'core', 'format', 'narrow-width.ts');
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      args.importer === fast || /[\\/]node_modules[\\/]wrap-ansi[\\/]/.test(args.importer)
        ? undefined
        : { path: fast },
    );
  },
};

// Ink measures each text node through a cache keyed by the text that never shrinks: every text it
// ever drew stays (the header's "updated 3 s ago" alone adds one a second, and scrolling through
// 10,000 alerts one per row), so a screen left open for a shift grows without end. The cache is
// emptied when it reaches 2,000 texts (a full screen holds a few hundred; measuring again is cheap).
const boundedInkMeasureCache = {
  name: 'bounded-ink-measure-cache',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]measure-text\.js$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const store = 'cache.set(text, dimensions);';
      if (!source.includes('const cache = new Map();') || !source.includes(store))
        throw new Error(`ink changed: ${args.path} no longer caches as scripts/build.mjs expects`);
      return {
        contents: source.replace(store, `if (cache.size >= 2000) cache.clear();\n    ${store}`),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      };
    });
  },
};

// node-fetch's Blob (fetch-blob) imports fetch-blob/streams.cjs for what it does: when
// globalThis.ReadableStream is missing, it brings in web-streams-polyfill (200 KB of source, bundled
// and evaluated on every HTTP command), and when Blob has no stream() it adds one. Node 20 has both,
// so the file does nothing there but cost its load: it is replaced by an empty module. The build
// fails if the file no longer reads as expected.
const noStreamsPolyfill = {
  name: 'no-web-streams-polyfill',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]fetch-blob[\\/]streams\.cjs$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const expected = [
        'if (!globalThis.ReadableStream) {',
        "require('web-streams-polyfill/dist/ponyfill.es2018.js')",
        'if (Blob && !Blob.prototype.stream) {',
      ];
      if (!expected.every((line) => source.includes(line)) || /\bexports\b/.test(source))
        throw new Error(`fetch-blob changed: ${args.path} no longer reads as scripts/build.mjs expects`);
      return { contents: '', loader: 'js' };
    });
  },
};

const release = process.argv.includes('--release');
const sourcemap = !release || process.env.SITREP_SOURCEMAPS === '1' ? 'linked' : false;

fs.rmSync(path.join(repoRoot, 'dist'), { recursive: true, force: true });
const result = await build({
  entryPoints: { sitrep: path.join(repoRoot, 'src', 'cli', 'entry.ts') },
  outdir: path.join(repoRoot, 'dist'),
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  sourcemap,
  metafile: true,
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    __SITREP_VERSION__: JSON.stringify(pkg.version),
  },
  // Some bundled CommonJS packages call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __sitrepCreateRequire } from 'node:module'; const require = __sitrepCreateRequire(import.meta.url);",
  },
  plugins: [emptyDevtools, yogaBytes, narrowWidth, boundedInkMeasureCache, noStreamsPolyfill],
  logLevel: 'warning',
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
