// "What to do next" for a failed run, chosen by the engine's error kind (lib/engine/machine.ts).
// Short, in the order someone would try them; the server's own words are shown below these.

export interface RunAdvice {
  /** Heading of the error panel, e.g. "The site refused the key". */
  title: string
  advice: string[]
}

const RESTARTED = [
  'Another backup was started on the site (from its admin panel or another tool), or its backup state was reset.',
  'Open the site’s Akeeba Backup list to see which backup finished, then start a new backup here.',
]

const ADVICE: Record<string, RunAdvice> = {
  auth: {
    title: 'The site refused Stepwise’s key',
    advice: [
      'Check that the secret word stored for this site matches Akeeba Backup → Options → Front-end backup.',
      'Make sure “Enable JSON API” (legacy front-end backup) is switched on in Akeeba Backup.',
      'Edit the site’s key here, re-check the connection, then back up again.',
    ],
  },
  transport: {
    title: 'The site could not be reached',
    advice: [
      'The site did not answer (connection refused, reset or DNS failure). Check that it is online.',
      'If it is up, ask the hosting provider whether a firewall or rate limit blocks Stepwise’s address.',
      'Back up again once the site answers; a failed backup cannot be resumed.',
    ],
  },
  timeout: {
    title: 'The site stopped answering',
    advice: [
      'A step took longer than the step timeout. The host may be overloaded or killing long PHP requests.',
      'Check the hosting’s PHP time limit and Akeeba’s “Maximum execution time” setting.',
      'Back up again; if it keeps timing out at the same stage, exclude large files or tables.',
    ],
  },
  http: {
    title: 'The site answered with an HTTP error',
    advice: [
      'A web server or proxy error page came back instead of Akeeba’s answer. Check the site’s error log.',
      'Back up again; repeated 5xx errors usually point at the hosting, not at Akeeba.',
    ],
  },
  unparsable: {
    title: 'The site’s answer could not be read',
    advice: [
      'Something on the site (a plugin, a PHP notice, a security filter) printed extra text into Akeeba’s answer.',
      'Turn off PHP error display on the site and check the server’s words below for clues.',
    ],
  },
  backup_error: {
    title: 'Akeeba Backup reported an error',
    advice: [
      'Read the server’s words below: it names what went wrong.',
      'Check free disk space and that Akeeba’s output and temporary folders are writable.',
      'Open Akeeba’s own log on the site (link below) for the full story.',
    ],
  },
  not_found: {
    title: 'The backup API was not found',
    advice: ['The site no longer answers at the stored API address. Re-check the connection on the site page.'],
  },
  method_missing: {
    title: 'The site’s Akeeba Backup lacks a needed method',
    advice: ['Update Akeeba Backup on the site to a current Professional version, then re-check the connection.'],
  },
  protocol: {
    title: 'The site answered something unexpected',
    advice: [
      'Check the server’s words below and the step timeline. Back up again; if it repeats, download the log and report it.',
    ],
  },
  refused_address: {
    title: 'Stepwise does not connect to this site’s address',
    advice: [
      'The site’s name now resolves to a private, loopback or cloud-metadata address (the message below says which).',
      'If the site really is on your own network, set STEPWISE_ALLOW_PRIVATE_NETWORKS=true; otherwise check its DNS.',
    ],
  },
  site_unusable: {
    title: 'Stepwise could not use this site',
    advice: ['Follow the message below (re-check the connection, or enter the site’s key again), then back up again.'],
  },
  tick_errors: {
    title: 'Stepwise kept failing to process this backup',
    advice: ['The server log has the details of each failed attempt. Back up again once the cause is fixed.'],
  },
  zombie: { title: 'The site lost track of this backup', advice: RESTARTED },
  backupid_changed: { title: 'Another backup took over on the site', advice: RESTARTED },
  step_regressed: { title: 'The site’s backup state went backwards', advice: RESTARTED },
  not_created: {
    title: 'The site never created the backup',
    advice: ['Akeeba did not record a backup for this run. Check the server message, then back up again.'],
  },
  unverified: {
    title: 'The archive could not be confirmed',
    advice: [
      'The site said the backup finished, but Stepwise could not find a complete archive in its backup list.',
      'Check the site’s Akeeba Backup list; do not rely on this backup until it shows there.',
    ],
  },
  timed_out: {
    title: 'The backup took too long and was stopped',
    advice: [
      'It ran past the maximum run time, or the runner lost it several times in a row.',
      'Check the step timeline for the last stage reached, and whether the site is very slow or very large.',
      'Start it again; consider excluding large folders or tables from the backup profile.',
    ],
  },
  cancelled: { title: 'The backup was cancelled', advice: [] },
}

export function runAdvice(kind: string | null | undefined, status: string): RunAdvice {
  const found = kind ? ADVICE[kind] : undefined
  if (found) return found
  if (status === 'timed_out') return ADVICE.timed_out
  return {
    title: 'The backup failed',
    advice: ['Read the server’s words below and the step timeline, then back up again.'],
  }
}
