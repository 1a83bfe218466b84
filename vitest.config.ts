import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // A few tests run a whole `astro build` of a copy of the site.
    testTimeout: 120_000,
    // Starting an embedded PostgreSQL (PGlite) takes a few seconds on a busy 2-core machine, and
    // the tip-line test files each start a few.
    hookTimeout: 120_000,
  },
});
