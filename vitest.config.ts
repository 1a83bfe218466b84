import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // A few tests run a whole `astro build` of a copy of the site, which also bundles the content
    // manager (/admin/, 20 to 45 s more): over two minutes on a busy 2-core machine.
    testTimeout: 300_000,
    // Starting an embedded PostgreSQL (PGlite) takes a few seconds on a busy 2-core machine, and
    // the tip-line test files each start a few.
    hookTimeout: 120_000,
  },
});
