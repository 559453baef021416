import { defineConfig } from 'vitest/config';

/** Browser tests: one at a time (two cores), after the unit tests, with room for a browser start. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
