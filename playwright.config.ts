import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3100)

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  globalSetup: './tests/e2e/global-setup.ts',
  globalTeardown: './tests/e2e/global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-quic',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The production server (lib/runtime/http-server.mjs: Next behind the download Content-Length fix), as `npm start`.
    command: `rm -rf data/e2e-${port} && HOST=127.0.0.1 PORT=${port} node --max-semi-space-size=4 --max-old-space-size=384 lib/runtime/http-server.mjs`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: `file:./data/e2e-${port}/stepwise.db`,
      STEPWISE_DATA_DIR: `./data/e2e-${port}`,
      STEPWISE_POLL_MS: '100',
      STEPWISE_RETRY_FIRST_DELAY_MS: '300',
      STEPWISE_LOG_LEVEL: 'warn',
      // Specs sign in often (each new user, each 2FA step); the limit itself is covered by integration tests.
      STEPWISE_SIGNIN_ATTEMPTS_PER_MINUTE: '1000',
      // The fake Akeeba fleet listens on 127.0.0.1.
      STEPWISE_ALLOW_PRIVATE_NETWORKS: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
})
