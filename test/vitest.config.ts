import path from 'node:path';
import { defineConfig } from 'vitest/config';

// One run holds the unit tests and the integration tests; the integration tests share one real
// stack that test/helpers/global-stack.ts starts (its own ports and folder) and stops afterwards.
export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/helpers/global-stack.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
