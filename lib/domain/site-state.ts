// A site's backup state at a glance, and an archive record's state: the words the whole app shares.

export type SiteBackupState =
  | 'not_connected' // the last check could not reach the API
  | 'no_api' // reached, but no usable API: Core edition, API too old or disabled
  | 'running'
  | 'never' // connected, never backed up
  | 'failed' // the last backup failed or timed out
  | 'obsolete' // the last good backup's files are gone (record kept)
  | 'too_old' // the last good backup is older than the site's max age
  | 'ok'
  | 'unknown'

/** Akeeba archive record state: `status` fail/run, otherwise the `meta` ok/remote/obsolete/pending. */
export type ArchiveState = 'ok' | 'remote' | 'obsolete' | 'pending' | 'fail'
