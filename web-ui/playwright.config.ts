import { defineConfig } from '@playwright/test';

// End-to-end against the real local stack (scripts/stack.sh up) through the gateway. Chromium
// comes from Debian's package (/usr/bin/chromium); no browser is downloaded.
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: process.env.TESTTRACK_URL ?? 'http://localhost:8080',
    headless: true,
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    },
  },
});
