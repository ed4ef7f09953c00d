// Known Akeeba Backup failures, each mapped to a plain cause and what to do. The server's own words
// are always kept and shown below (a catalogue entry explains them, it never replaces them). Matched
// on the server's message first (Akeeba sends most failures as status 500 "A backup error has
// occurred: <text>", sometimes raw PHP text), then on the engine's error kind (lib/engine/machine.ts).
// Sources: the recorded transcripts in /work/shared/fixtures and Akeeba's documented messages; each
// entry's unit test (catalogue.test.ts) uses that real text.

export interface KnownFailure {
  id: string
  /** The error panel's heading, in plain words. */
  title: string
  /** Why it happened, in one or two sentences a site owner understands. */
  cause: string
  /** What to do, in the order someone would try it. */
  whatToDo: string[]
}

interface Entry extends KnownFailure {
  /** Matches the server's message (tried first, in catalogue order). */
  message?: RegExp
  /** Matches the engine's error kind when no message pattern did. */
  kinds?: string[]
}

const OUTPUT_FOLDER = 'Akeeba Backup → Configuration → Output directory'

const CATALOGUE: Entry[] = [
  {
    id: 'output_unwritable',
    title: 'Akeeba cannot write to its output folder',
    cause:
      'Akeeba’s pre-backup check Q001 failed: the folder it saves archives to does not exist or is not writable by the web server, so no backup was started.',
    whatToDo: [
      `Open ${OUTPUT_FOLDER} on the site and check that the folder exists.`,
      'Make it writable by the web server (usually permissions 755 and owned by the PHP user), or pick the default folder again.',
      'Back up again. Akeeba’s page about this check: akeeba.com/documentation/warnings/q001.html.',
    ],
    message: /\bQ001\b|Output directory unwritable/i,
  },
  {
    id: 'disk_quota',
    title: 'The site ran out of disk space',
    cause:
      'The hosting account’s disk space or quota is full, so Akeeba could not finish writing the archive. Old backup archives kept on the site are a common reason.',
    whatToDo: [
      'Free space on the hosting account: delete old archives (Archives page → Delete files) or raise the quota with the host.',
      'Set a smaller quota in Akeeba Backup’s profile (Configuration → Quotas) so old archives are removed automatically.',
      'Consider sending archives to remote storage and removing the local copy after upload.',
      'Back up again.',
    ],
    message: /disk quota exceeded|no space left on device|errno=(28|122)\b|not enough (free )?(disk )?space/i,
  },
  {
    id: 'php_time_limit',
    title: 'PHP stopped a backup step for taking too long',
    cause:
      'One step ran past PHP’s time limit (max_execution_time) on the site, and PHP killed it mid-step. Akeeba’s step time must stay well under that limit.',
    whatToDo: [
      'In Akeeba Backup → Configuration → Fine tuning, lower “Maximum execution time” (e.g. 10 s) and the “Execution time bias” (e.g. 75 %).',
      'Or ask the host to raise PHP’s max_execution_time.',
      'Back up again.',
    ],
    message: /maximum execution time of \d+ seconds? exceeded|max_execution_time/i,
  },
  {
    id: 'memory_limit',
    title: 'PHP ran out of memory on the site',
    cause:
      'A backup step needed more memory than PHP allows on this site (memory_limit), usually while reading a very large file or table.',
    whatToDo: [
      'Raise PHP’s memory_limit for the site (e.g. 256M or more), or ask the host to.',
      'In Akeeba Backup’s profile, exclude very large files, folders or log tables you do not need.',
      'Back up again.',
    ],
    message: /allowed memory size of \d+ bytes exhausted|out of memory/i,
  },
  {
    id: 'temp_data',
    title: 'Akeeba lost its saved progress for this backup',
    cause:
      'Akeeba could not save or re-read the temporary data it keeps between steps. Usually another backup was started on the site (which ends any running one), or the temporary folder was cleaned or is not writable. A backup cannot continue after this.',
    whatToDo: [
      'Check whether someone or something else started a backup on the site at the same time (its admin page, a cron job, another tool).',
      `Check that Akeeba’s output and temporary folders (${OUTPUT_FOLDER}) are writable and not cleaned by a cache or security plugin.`,
      'Back up again; it starts from the beginning.',
    ],
    message: /problem while saving temporary data/i,
  },
  {
    id: 'archive_file_lost',
    title: 'Akeeba lost the archive file it was writing',
    cause:
      'PHP could not write to the archive any more: the output folder was removed, renamed or became unwritable during the backup, or the disk filled up. The server’s words below are a raw PHP error, not an Akeeba message.',
    whatToDo: [
      `Check that the output folder (${OUTPUT_FOLDER}) still exists and is writable.`,
      'Check the hosting account’s free disk space and quota.',
      'Make sure no cleanup job or security plugin removes files from that folder while a backup runs, then back up again.',
    ],
    message:
      /\b(ftruncate|fwrite|fopen|fclose|fseek|ftell|flock)\(\)|must be of type resource, (bool|false|null) given|failed to open stream/i,
  },
  {
    id: 'lost_state',
    title: 'The site lost track of this backup',
    cause:
      'Mid-run, the site answered as if this backup had never existed or had been restarted: its temporary state was deleted or another backup took over. Stepwise stopped rather than drive an unrelated backup.',
    whatToDo: [
      'Check the site’s Akeeba Backup list to see which backup ran at that time, and whether someone started one by hand.',
      'Make sure no cleanup job removes Akeeba’s temporary files while a backup runs.',
      'Back up again.',
    ],
    kinds: ['zombie', 'backupid_changed', 'step_regressed'],
  },
  {
    id: 'auth',
    title: 'The site refused Stepwise’s key',
    cause:
      'The site answered “Access denied”: the secret word stored in Stepwise does not match the site’s, or its JSON API is switched off.',
    whatToDo: [
      'In Akeeba Backup → Options (Front-end / JSON API), check that the JSON API is enabled and copy the secret word.',
      'Enter it again on this site’s page here (Edit → key), re-check the connection, then back up again.',
    ],
    message: /^access denied$/i,
    kinds: ['auth'],
  },
]

export interface ExplainedFailure extends KnownFailure {
  /** True when a catalogue entry matched; false for the generic fallback. */
  known: boolean
  /** The server's own words, without Akeeba's generic prefix repeated; null when it sent none. */
  serverWords: string | null
}

const PREFIX = /^A backup error has occurred:\s*/i

/** The catalogue entry for a failed run's message and error kind, else a fallback built on `fallback`. */
export function explainFailure(
  f: { errorKind: string | null; errorMessage: string | null },
  fallback: { title: string; advice: string[] },
): ExplainedFailure {
  const words = f.errorMessage?.trim() || null
  const text = words?.replace(PREFIX, '') ?? ''
  const byMessage = text ? CATALOGUE.find((e) => e.message?.test(text)) : undefined
  const found = byMessage ?? (f.errorKind ? CATALOGUE.find((e) => e.kinds?.includes(f.errorKind!)) : undefined)
  if (found) {
    const { message: _m, kinds: _k, ...entry } = found
    return { ...entry, known: true, serverWords: words }
  }
  return {
    id: 'unknown',
    title: fallback.title,
    cause: words
      ? 'Stepwise does not recognise this message yet; the server’s words below are all it said.'
      : 'The site gave no message with this failure.',
    whatToDo: fallback.advice,
    known: false,
    serverWords: words,
  }
}

/** Every entry's id, for tests and docs. */
export const KNOWN_FAILURE_IDS = CATALOGUE.map((e) => e.id)
