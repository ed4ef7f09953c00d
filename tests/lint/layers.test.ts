// `npm run lint` enforces the layers (eslint.config.mjs): each case lints a one-line file placed in a
// layer and checks that a wrong-way import fails and the right-way one passes.
import path from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [res] = await eslint.lintText(`${code}\nexport const used = x\n`, { filePath: path.join(root, file) })
  return res.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message)
}

describe('layering is enforced by lint', () => {
  it.each([
    ['lib imports components', 'lib/runs/wrong.ts', "import { formatDuration as x } from '../../components/ui/format'"],
    ['lib imports components by alias', 'lib/sites/wrong.ts', "import { Badge as x } from '@/components/ui/badge'"],
    ['a feature calls db() itself', 'lib/sites/wrong.ts', "import { db as x } from '../db/client'"],
    [
      'a feature imports the Prisma client',
      'lib/runs/wrong.ts',
      "import { PrismaClient as x } from '../../generated/sqlite/client'",
    ],
    ['a page imports lib/db', 'app/runs/wrong.tsx', "import { listRuns as x } from '@/lib/db/runs'"],
    ['a component imports lib/db', 'components/runs/wrong.tsx', "import { getRun as x } from '@/lib/db/runs'"],
    ['lib/db imports the engine', 'lib/db/wrong.ts', "import { decideTick as x } from '../engine/decide-tick'"],
    [
      'lib/db imports a feature',
      'lib/db/wrong.ts',
      "import { createSchedule as x } from '../schedule/manage-schedules'",
    ],
    ['lib/db imports the API errors', 'lib/db/wrong.ts', "import { AppError as x } from '../api/errors'"],
    ['lib/db imports sign-in', 'lib/db/wrong.ts', "import { auth as x } from '../auth/auth'"],
    ['lib/db imports notifications', 'lib/db/wrong.ts', "import { notifyTicker as x } from '../notify/ticker'"],
    ['the engine imports a feature', 'lib/engine/wrong.ts', "import { fireDueSchedules as x } from '../schedule/fire'"],
    [
      'the pure machine reads the database',
      'lib/engine/decide-tick.ts',
      "import { loadTickRow as x } from '../db/run-ticks'",
    ],
    ['the pure machine does I/O', 'lib/engine/machine.ts', "import { readFileSync as x } from 'node:fs'"],
  ])('fails: %s', async (_name, file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([])
  })

  it.each([
    ['a feature uses a lib/db module', 'lib/runs/right.ts', "import { getRun as x } from '../db/runs'"],
    ['a page uses lib/<domain>', 'app/runs/right.tsx', "import { listRuns as x } from '@/lib/runs/read-runs'"],
    [
      'a component uses the shared vocabulary',
      'components/runs/right.tsx',
      "import { RUN_STATUSES as x } from '@/lib/domain/run-status'",
    ],
    [
      'lib/db uses the shared vocabulary',
      'lib/db/right.ts',
      "import { ACTIVE_RUN_STATUSES as x } from '../domain/run-status'",
    ],
    [
      'the pure machine imports a row type',
      'lib/engine/apply-decision.ts',
      "import type { RunTickUpdate as x } from '../db/run-ticks'",
    ],
    [
      'the runner closes the database on exit',
      'lib/runtime/right.ts',
      "import { disconnectDb as x } from '../db/client'",
    ],
  ])('passes: %s', async (_name, file, code) => {
    expect(await layerErrors(file, code)).toEqual([])
  })
})
