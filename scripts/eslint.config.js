// Lint rules that keep the layout honest (see ../shared/STYLE.md): the core stays pure, promises
// are never left floating, and hooks list their dependencies. Kept under scripts/ so the top level
// holds only what the design names; run from the repository root (`npm run lint` does).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');

const ioModules = [
  'node:fs',
  'node:fs/promises',
  'fs',
  'fs/promises',
  'node:http',
  'node:https',
  'node:net',
  'node:child_process',
  'node:os',
  'node-fetch',
  'conf',
];
const uiModules = ['react', 'ink', 'ink-select-input'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.stack/**', 'coverage/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: repoRoot },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...ioModules, ...uiModules].map((name) => ({
            name,
            message: 'src/core is pure: no I/O or UI. Put effects in src/sources, src/store or src/ui.',
          })),
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'src/core is pure: HTTP belongs in src/sources.' },
        { name: 'setTimeout', message: 'src/core is pure: timers belong in sources, stores or hooks.' },
        { name: 'setInterval', message: 'src/core is pure: timers belong in sources, stores or hooks.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/core is pure: take the time as an argument.' },
        { object: 'process', property: 'env', message: 'src/core is pure: read the environment in src/cli.' },
      ],
    },
  },
  {
    files: ['src/sources/**/*.ts', 'src/store/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiModules.map((name) => ({
            name,
            message: 'Only src/ui (and the lazy UI entry) may import React or Ink.',
          })),
        },
      ],
    },
  },
  // One-way layers: ui → app → sources/store → core. A lower layer never imports a higher one, and
  // the screen reaches HTTP and disk only through src/app (types may be shared).
  layerRule('src/ui/**/*.{ts,tsx}', ['cli', 'sources', 'store'], 'The screen talks to src/app only.', [
    {
      name: 'ink',
      importNames: ['Text', 'Transform'],
      message: 'Draw text with Text from src/ui/components/text.tsx: it sanitizes every string it is given.',
    },
  ]),
  // The one file that may use Ink's Text: the sanitizing wrapper itself.
  layerRule('src/ui/components/text.tsx', ['cli', 'sources', 'store'], 'The screen talks to src/app only.'),
  layerRule('src/app/**/*.ts', ['cli', 'ui'], 'src/app is below the CLI and the screen.'),
  layerRule('src/{sources,store}/**/*.ts', ['cli', 'ui', 'app'], 'Adapters are below src/app.'),
  layerRule('src/core/**/*.ts', ['cli', 'ui', 'app', 'sources', 'store'], 'src/core imports only src/core.'),
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
      },
    },
  },
);

/**
 * A rule that forbids importing the given top-level folders of src/ (type-only imports allowed), and
 * for src/ui the extra `paths` entries given.
 */
function layerRule(files, forbidden, message, extraPaths = []) {
  return {
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: files.startsWith('src/core')
            ? [...ioModules, ...uiModules].map((name) => ({
                name,
                message: 'src/core is pure: no I/O or UI.',
              }))
            : files.startsWith('src/ui')
              ? extraPaths
              : uiModules.map((name) => ({ name, message: 'Only src/ui may import React or Ink.' })),
          patterns: [
            {
              group: forbidden.flatMap((dir) => [`**/${dir}/*`, `**/${dir}/**`]),
              allowTypeImports: true,
              message,
            },
          ],
        },
      ],
    },
  };
}
