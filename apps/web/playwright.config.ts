import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests of the web app against what `npm start` runs: the built API
 * serving the built app, on a fresh embedded database with the demo forum.
 * The browser is Debian's chromium (no download); its zone is Asia/Seoul while
 * the demo forum's is Asia/Ho_Chi_Minh, so code that forgets the zone fails.
 */
const PORT = Number(process.env.WEB_E2E_PORT ?? 3210);
/** The server's data directory: without SMTP, its local mailbox (`mailbox/*.eml`) is where tests read the emails. */
const DATA_DIR = (process.env.WEB_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'fm-web-e2e-')));
const ROOT = join(__dirname, '../..');
const chromium = process.env.CHROMIUM_PATH ?? (() => {
  try {
    return execFileSync('which', ['chromium']).toString().trim();
  } catch {
    return '/usr/bin/chromium';
  }
})();

export default defineConfig({
  testDir: './e2e',
  outputDir: join(ROOT, 'dist/web-e2e-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 45_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    timezoneId: 'Asia/Seoul',
    locale: 'en-US',
    trace: 'off',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, userAgent: devices['Pixel 7'].userAgent } },
  ],
  webServer: {
    command: `node ${join(ROOT, 'dist/apps/api/src/main.js')} --all-in-one`,
    cwd: ROOT,
    url: `http://127.0.0.1:${PORT}/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(PORT), DATA_DIR, LOG_LEVEL: 'warn', SEED_DEMO: 'true', NODE_ENV: 'development' },
  },
});
