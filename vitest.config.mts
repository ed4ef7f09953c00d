import { defineConfig } from 'vitest/config'
import path from 'node:path'

const alias = { '@': path.resolve(import.meta.dirname) }
// Fake sites listen on loopback, which the outbound address guard refuses by default; the guard's own
// tests turn the switch off where they need it (lib/net-guard, tests/integration/site-guard.test.ts).
const env = { STEPWISE_ALLOW_PRIVATE_NETWORKS: 'true' }

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          env,
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'tests/lint/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          env,
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
