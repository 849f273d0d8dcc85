import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Network tests bind many 127.0.0.x servers; keep parallelism modest on 2-core machines.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
    // One fast-check seed per run, fixed unless asked (see the file).
    setupFiles: ['./test/helpers/property-seed.ts'],
  },
});
