import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'extension/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', 'demo-server/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Two cores: keep workers to what the machine has.
    maxWorkers: 2,
    // Time limits catch a hang, never a slow machine: two cores shared by two workers (and whatever
    // else runs) can make a test several times slower than alone, so the defaults (5 s, 10 s) are
    // raised; the CPU-bound tests (fuzzing, property runs, large files) give themselves 60 s.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // fast-check's seed and number of runs for every property test (test/support/property-runs.ts).
    setupFiles: ['test/support/fast-check-setup.ts'],
  },
});
