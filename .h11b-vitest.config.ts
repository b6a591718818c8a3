import { defineConfig } from 'vitest/config';
export default defineConfig({
  root: '/work/wt/h11b',
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 240_000, pool: 'forks' },
});
