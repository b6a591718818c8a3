// The esbuild settings and plugins of sitrep's bundle (scripts/build.mjs). The benchmark's Ink floor
// (scripts/bench/ink-floor-build.mjs) is built with the same settings and the plugins that concern
// Ink, so that it loads React, Ink and Yoga as sitrep does.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './stack/settings.mjs';

export const emptyDevtools = {
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
export const yogaBytes = {
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
export const narrowWidth = {
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

// Ink turns each line of a frame into styled characters with @alcalzone/ansi-tokenize, one grapheme
// at a time through Intl.Segmenter; src/core/format/narrow-tokenize.ts splits text whose characters
// are all one cell wide by character (the same tokens) and hands the rest to the tokenizer. Imports
// of the package get it, but for its own.
export const narrowTokenize = {
  name: 'narrow-tokenize',
  setup(b) {
    const fast = path.join(repoRoot, 'src', 'core', 'format', 'narrow-tokenize.ts');
    b.onResolve({ filter: /^@alcalzone\/ansi-tokenize$/ }, (args) =>
      args.importer === fast ? undefined : { path: fast },
    );
  },
};

// Ink measures each text node through a cache keyed by the text that never shrinks: every text it
// ever drew stays (the header's "updated 3 s ago" alone adds one a second, and scrolling through
// 10,000 alerts one per row), so a screen left open for a shift grows without end. The cache is
// emptied when it reaches 2,000 texts (a full screen holds a few hundred; measuring again is cheap).
export const boundedInkMeasureCache = {
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
export const noStreamsPolyfill = {
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

/** What every bundle of sitrep's is built with: ESM for Node 20, React in production mode. */
export const bundleSettings = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  // Some bundled CommonJS packages call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __sitrepCreateRequire } from 'node:module'; const require = __sitrepCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
};

/** The define every bundle needs (React's production build). */
export const productionDefine = { 'process.env.NODE_ENV': '"production"' };

/** The plugins that change how Ink, React, Yoga, string-width and Ink's tokenizer load or behave. */
export const inkPlugins = [emptyDevtools, yogaBytes, narrowWidth, narrowTokenize, boundedInkMeasureCache];
