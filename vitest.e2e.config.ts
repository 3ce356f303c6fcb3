import { defineConfig } from 'vitest/config';

/** End-to-end checks: real builds of whole volumes with the real tools. CI runs them after npm test. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
