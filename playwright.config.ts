import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const isCI = Boolean(process.env.CI);
/** The test server's own embedded Postgres; specs that run the CLI point it at the same directory. */
export const E2E_PG_DIR = process.env.E2E_PG_DIR ?? '.data/e2e-postgres';

// Debian's Chromium when present (Playwright cannot download its own here); otherwise Playwright's.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
export const launchOptions = systemChromium
  ? {
      executablePath: systemChromium,
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    }
  : {};

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [
    // Signs in once per role and saves the session for the specs that need it.
    { name: 'setup', testMatch: /auth\.setup\.ts/, use: { launchOptions } },
    { name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions }, dependencies: ['setup'], testIgnore: /(outage|soak|multi-instance|server-crash|settings)\.spec\.ts/ },
    // Changes the site's title and zone, which other specs read: alone, after them (it restores the defaults).
    { name: 'settings', testMatch: /settings\.spec\.ts/, use: { ...devices['Desktop Chrome'], launchOptions }, dependencies: ['chromium'] },
    // More production servers of the same build, sharing only the database: three on E2E_PORT+1..3,
    // and one on E2E_PORT+4 that is killed in the middle of a save.
    { name: 'multi-instance', testMatch: /(multi-instance|server-crash)\.spec\.ts/, use: { ...devices['Desktop Chrome'], launchOptions }, dependencies: ['settings'] },
    // Stops the database under the server: only after everything else has run.
    { name: 'outage', testMatch: /outage\.spec\.ts/, use: { ...devices['Desktop Chrome'], launchOptions }, dependencies: ['multi-instance'] },
    // Five minutes of readers and editors with a Postgres restart (SOAK_SECONDS to change).
    { name: 'soak', testMatch: /soak\.spec\.ts/, use: { ...devices['Desktop Chrome'], launchOptions }, dependencies: ['outage'] },
  ],
  webServer: {
    // A production build against its own embedded Postgres, seeded from content/ on every run.
    command: 'node --import tsx e2e/server.ts',
    url: `http://127.0.0.1:${port}/`,
    // Loopback image hosts are allowed: e2e/localise-images.spec.ts serves its pictures from one.
    env: { PORT: String(port), EMBEDDED_PG_DIR: E2E_PG_DIR, E2E_RESET: '1', IMAGE_FETCH_ALLOWED_ADDRESSES: '127.0.0.1' },
    timeout: 600_000,
    reuseExistingServer: !isCI,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
