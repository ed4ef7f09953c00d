import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'
import prettier from 'eslint-config-prettier/flat'

// The layers run one way: app → components → lib/<domain> → lib/db (README "Architecture").
// Each rule below is a regex on the import string, so it catches relative and `@/` imports alike.
const rule = (regex, message, extra = {}) => ({ regex, message, ...extra })

const PRISMA = [
  rule('(^|/)db/client$', 'Only lib/db talks to the database: call a function of a lib/db module instead of db().', {
    importNames: ['db', 'createDb', 'Db'],
  }),
  rule('(^|/)generated/|^@prisma/', 'Only lib/db imports the Prisma client.'),
]
const NO_UI = [
  rule('(^|/)components/|^@/app/', 'lib never imports components or app: move the helper to lib/ (e.g. lib/format).'),
]
const NO_DB_FROM_UI = [
  rule(
    '(^|/)lib/db/',
    'app and components reach the data through lib/<domain> (and types through lib/domain), never lib/db.',
  ),
]
const DB_STAYS_DOWN = [
  rule(
    '(^|/)(engine|schedule|sites|runs|archives|api|runtime|demo|fake-site|notify|auth|audit|metrics|openapi|cli|health|http-guard|net-guard)/',
    'lib/db holds queries and row↔DTO mapping only: it must not import the features above it.',
  ),
  rule('(^|/)components/|^@/app/', 'lib/db never imports components or app.'),
]
const ENGINE_BELOW_FEATURES = [
  rule(
    '(^|/)(schedule|sites|runs|archives|runtime)/',
    'The engine does not know the features built on it; wire them in lib/runtime.',
  ),
]
const PURE_ENGINE = [
  rule('(^|/)db/', 'The state machine is pure: data comes in as arguments (type imports are fine).', {
    allowTypeImports: true,
  }),
  rule('^node:|(^|/)(log|config)$', 'The state machine is pure: no I/O, logging or configuration.'),
]

const restrict = (...groups) => ['error', { patterns: groups.flat() }]

const config = [
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      'generated/**',
      'data/**',
      'test-results*/**',
      'playwright-report/**',
      'next-env.d.ts',
      'tests/fixtures/**',
      'bench/out/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // One block per layer; a later block replaces the rule for the files it matches, so each carries
  // every restriction that applies to its files.
  {
    files: ['app/**', 'components/**'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(PRISMA, NO_DB_FROM_UI) },
  },
  {
    files: ['lib/**'],
    ignores: ['lib/db/**'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(PRISMA, NO_UI) },
  },
  { files: ['lib/db/**'], rules: { '@typescript-eslint/no-restricted-imports': restrict(DB_STAYS_DOWN) } },
  {
    files: ['lib/engine/**'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(PRISMA, NO_UI, ENGINE_BELOW_FEATURES) },
  },
  {
    files: ['lib/engine/machine.ts', 'lib/engine/decide-tick.ts', 'lib/engine/apply-decision.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(PRISMA, NO_UI, ENGINE_BELOW_FEATURES, PURE_ENGINE) },
  },
  {
    files: ['bench/**', 'instrumentation*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(PRISMA) },
  },
]

export default config
