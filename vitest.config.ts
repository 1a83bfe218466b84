import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // A few tests run a whole `astro build` of a copy of the site.
    testTimeout: 120_000,
  },
});
