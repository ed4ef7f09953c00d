// Every environment variable Stepwise reads, validated once. Defaults make `npm start` work with
// nothing set. The README's configuration table is written from CONFIG_DOCS below.
import path from 'node:path'
import { z } from 'zod'

const bool = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v))
const int = (min: number) => z.coerce.number().int().min(min)

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
    .default('file:./data/stepwise.db'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(1).max(65535).default(3000),
  STEPWISE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
    .refine((u) => new URL(u).pathname === '/', 'must be the address without a path (https://backups.example.com)')
    .optional(),
  STEPWISE_ALLOWED_HOSTS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/, 'host names only, without scheme or port')))
    .default([]),
  STEPWISE_DATA_DIR: z.string().min(1).default('./data'),
  STEPWISE_ALLOW_PRIVATE_NETWORKS: bool.default(false),
  STEPWISE_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 random bytes in base64 (openssl rand -base64 32)')
    .optional(),
  STEPWISE_RUNNER: bool.default(true),
  STEPWISE_MAX_CONCURRENT_RUNS: int(1).default(50),
  STEPWISE_MAX_RUNS_PER_HOST: int(0).default(3),
  STEPWISE_RUNNER_CONCURRENCY: int(1).optional(),
  STEPWISE_STEP_TIMEOUT_MS: int(1000).default(300_000),
  STEPWISE_CONNECT_TIMEOUT_MS: int(100).default(10_000),
  STEPWISE_RETRY_FIRST_DELAY_MS: int(0).default(10_000),
  STEPWISE_MAX_RETRIES: int(0).default(5),
  STEPWISE_LEASE_MS: int(1000).optional(),
  STEPWISE_MAX_LEASE_EXPIRIES: int(1).default(3),
  STEPWISE_MAX_RUN_HOURS: int(1).default(12),
  STEPWISE_POLL_MS: int(10).default(250),
  STEPWISE_CATCHUP_WINDOW_MINUTES: int(0).default(1440),
  STEPWISE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  STEPWISE_SIGNIN_ATTEMPTS_PER_MINUTE: int(1).default(10),
  STEPWISE_TRUST_PROXY: bool.default(false),
  STEPWISE_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// address (smtp://user:pass@host:587)' })
    .optional(),
  STEPWISE_MAIL_FROM: z.string().min(3).default('Stepwise <stepwise@localhost>'),
  STEPWISE_NOTIFY_MAX_ATTEMPTS: int(1).default(8),
  STEPWISE_NOTIFY_RETRY_FIRST_MS: int(100).default(30_000),
  STEPWISE_NOTIFY_CHECK_SECONDS: int(1).default(60),
  STEPWISE_ALERT_SKIPS: int(1).default(3),
  STEPWISE_ARCHIVE_SYNC_HOURS: int(0).default(6),
  STEPWISE_DIGEST_TIME: z
    .string()
    .regex(/^(off|([01]?\d|2[0-3]):[0-5]\d)$/, 'must be HH:MM (24-hour, e.g. 08:00) or off')
    .default('08:00'),
  STEPWISE_DIGEST_TIMEZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz })
        return true
      } catch {
        return false
      }
    }, 'must be an IANA time zone such as Europe/Berlin, America/New_York or UTC')
    .default('UTC'),
  STEPWISE_RETENTION_SWEEP_AT: z
    .string()
    .regex(/^(off|([01]?\d|2[0-3]):[0-5]\d)$/, 'must be HH:MM (24-hour, UTC, e.g. 03:30) or off')
    .default('03:30'),
  STEPWISE_RAW_STEP_RETENTION_DAYS: int(1).default(90),
})

export type RawConfig = z.infer<typeof schema>
export type Config = RawConfig & {
  databaseKind: 'sqlite' | 'postgresql'
  /** Lease length: a tick's HTTP call must fit in it, with room for the database writes. */
  leaseMs: number
  keyFile: string
}

export const CONFIG_DOCS: Record<keyof RawConfig, string> = {
  DATABASE_URL: '`file:./data/stepwise.db` (SQLite, created on first start) or `postgresql://user@host:5432/db`',
  HOST: 'Interface the web server listens on. Default `127.0.0.1`; set `0.0.0.0` to expose it.',
  PORT: 'Web server port (default 3000).',
  STEPWISE_PUBLIC_URL:
    'The address people use to open Stepwise (https://backups.example.com). Its host name is accepted in the Host header and its origin in Origin; unset: only localhost names and HOST.',
  STEPWISE_ALLOWED_HOSTS:
    'More host names the server answers to, comma-separated (e.g. a LAN IP). Requests under any other name get 421.',
  STEPWISE_DATA_DIR: 'Folder for the SQLite file and the generated key file (default `./data`).',
  STEPWISE_ALLOW_PRIVATE_NETWORKS:
    'Allow site addresses on loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7) and CGNAT (100.64/10) networks (default `off`). Turn it on when your sites are on your own network. Link-local and cloud metadata addresses stay refused.',
  STEPWISE_SECRET_KEY:
    'Base64 of 32 random bytes used to encrypt site keys (AES-256-GCM). Unset: a key file is generated in the data folder.',
  STEPWISE_RUNNER:
    'Run the backup runner inside the web process (default `on`). Set `off` when you run `npm run worker` processes instead.',
  STEPWISE_MAX_CONCURRENT_RUNS: 'Global cap of backups running at once across all runners (default 50).',
  STEPWISE_MAX_RUNS_PER_HOST: 'Cap of backups at once on sites sharing one host or host group (default 3; 0 = no cap).',
  STEPWISE_RUNNER_CONCURRENCY:
    'Backups one runner process drives at once (default: the global cap). Lower it to spread work over several workers.',
  STEPWISE_STEP_TIMEOUT_MS:
    'HTTP timeout of one API call (default 300000: steps can upload to cloud storage for minutes).',
  STEPWISE_CONNECT_TIMEOUT_MS: 'TCP/TLS connect timeout (default 10000).',
  STEPWISE_RETRY_FIRST_DELAY_MS:
    'Wait before re-sending a step whose response was lost (default 10000, the server step time).',
  STEPWISE_MAX_RETRIES: 'Re-sends of one step after transport failures before the run fails (default 5).',
  STEPWISE_LEASE_MS: 'How long a runner owns a run per tick (default step timeout + 60 s).',
  STEPWISE_MAX_LEASE_EXPIRIES: 'Leases that may expire without progress before a run ends as timed out (default 3).',
  STEPWISE_MAX_RUN_HOURS: 'A run still going after this many hours ends as timed out (default 12).',
  STEPWISE_POLL_MS: 'How often an idle runner looks for due work (default 250).',
  STEPWISE_CATCHUP_WINDOW_MINUTES:
    'A schedule fire missed while Stepwise was down runs once if it is at most this old (default 1440).',
  STEPWISE_LOG_LEVEL: 'trace, debug, info, warn, error, fatal or silent (default info).',
  STEPWISE_SIGNIN_ATTEMPTS_PER_MINUTE:
    'Sign-in and two-factor attempts allowed per client address and minute (default 10); more get 429.',
  STEPWISE_TRUST_PROXY:
    'Set `on` behind a reverse proxy that adds X-Forwarded-For: the last address in it is taken as the client (sign-in limits, audit). Default `off`: the header is ignored, so clients cannot fake their address.',
  STEPWISE_SMTP_URL:
    'Mail server for e-mail alerts: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. Unset: e-mail channels fail with a clear answer.',
  STEPWISE_MAIL_FROM: 'Sender of alert e-mails (default `Stepwise <stepwise@localhost>`).',
  STEPWISE_NOTIFY_MAX_ATTEMPTS:
    'Attempts of one alert delivery before it ends as failed (default 8; waits double from the first retry).',
  STEPWISE_NOTIFY_RETRY_FIRST_MS: 'Wait before the second attempt of a failed delivery (default 30000, doubling).',
  STEPWISE_NOTIFY_CHECK_SECONDS:
    'How often the runner checks every site for stale backups and unreachable sites (default 60).',
  STEPWISE_ALERT_SKIPS:
    'Scheduled fires skipped in a row for one site (busy) before `schedule.skipped` alerts (default 3).',
  STEPWISE_ARCHIVE_SYNC_HOURS:
    "How often each site's archive list is re-read in the background (default 6), spread over the interval per site; 0: off (still synced on add, re-check and after every run).",
  STEPWISE_DIGEST_TIME:
    'Time of day (HH:MM, 24-hour) of the fleet-wide daily digest e-mail (default 08:00); `off`: no digest.',
  STEPWISE_DIGEST_TIMEZONE: 'IANA time zone of STEPWISE_DIGEST_TIME (default UTC), e.g. Europe/Berlin.',
  STEPWISE_RETENTION_SWEEP_AT:
    'Time of day (HH:MM, 24-hour, UTC) of the daily retention sweep over the fleet (default 03:30); `off`: none.',
  STEPWISE_RAW_STEP_RETENTION_DAYS:
    'Days the raw answer bodies of backup steps are kept after a run ends (default 90); the daily sweep empties older ones.',
}

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const input: Record<string, string> = {}
  for (const k of Object.keys(schema.shape)) {
    const v = env[k]
    if (v !== undefined && v !== '') input[k] = v
  }
  const r = schema.safeParse(input)
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const c = r.data
  return {
    ...c,
    databaseKind: /^postgres(ql)?:\/\//.test(c.DATABASE_URL) ? 'postgresql' : 'sqlite',
    leaseMs: c.STEPWISE_LEASE_MS ?? c.STEPWISE_STEP_TIMEOUT_MS + 60_000,
    keyFile: path.resolve(c.STEPWISE_DATA_DIR, 'secret.key'),
  }
}

let cached: Config | undefined

export function config(): Config {
  return (cached ??= parseConfig(process.env))
}

/** Tests change the environment between cases; this forgets the parsed copy. */
export function resetConfigForTests(): void {
  cached = undefined
}
