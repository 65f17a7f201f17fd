import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests start real kubectl processes against in-process servers; two cores are shared.
    pool: 'forks',
    maxWorkers: 2,
    // Skipped tests are listed with their reason at the end (see test/helpers/skip-reasons.ts).
    reporters: ['default', './test/helpers/skip-reasons.ts'],
  },
});
