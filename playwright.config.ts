import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './src/utils/chromium.ts';

// Debian's Chromium, never a downloaded browser, with the flags of src/utils/chromium.ts.
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: chromiumPath(),
      args: chromiumArgs,
    },
  },
});
