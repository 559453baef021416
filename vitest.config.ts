import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'demo-server/**/*.test.ts'],
    // Two cores: keep workers to what the machine has.
    maxWorkers: 2,
  },
});
