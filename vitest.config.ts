import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'extension/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', 'demo-server/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Two cores: keep workers to what the machine has.
    maxWorkers: 2,
  },
});
