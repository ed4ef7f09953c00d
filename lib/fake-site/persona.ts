// What differs between the two real servers we recorded (fixture READMEs, "Differences").
import type { Persona, WorkDomain } from './types'

export interface PersonaTraits {
  api: number
  component: string
  date: string
  /** getVersion carries `updateinfo` on WordPress only. */
  updateInfo: boolean
  /** getProfiles ids: strings on WordPress, integers on Joomla. */
  profileIdsAsStrings: boolean
  /** Content-Type value casing differs: WP "UTF-8", Joomla "utf-8". */
  jsonContentType: string
  /** Unknown/finished/killed backupid: WP starts a zombie, Joomla answers 500 (fact 11). */
  zombieOnUnknownId: boolean
  /** Size of the partial archive right after startBackup (WP 41 bytes, Joomla 19). */
  initialPartialSize: number
  /** Where the archives live, relative to the site root. */
  outputDir: string
  q001: string
  defaultSteps: Record<WorkDomain, number>
  /** Step text shown during Packing (relative to the site root), cycled. */
  packingDirs: string[]
}

const Q001_TAIL =
  ' Please refer to https://www.akeeba.com/documentation/warnings/q001.html for more information and troubleshooting instructions.'

export const PERSONAS: Record<Persona, PersonaTraits> = {
  wordpress: {
    api: 400,
    component: '9.1.1',
    date: '2025-12-11',
    updateInfo: true,
    profileIdsAsStrings: true,
    jsonContentType: 'application/json; charset=UTF-8',
    zombieOnUnknownId: true,
    initialPartialSize: 41,
    outputDir: 'wp-content/backups',
    q001: 'Failed configuration check Q001: Output directory unwritable.' + Q001_TAIL,
    // fixtures/akeeba-wp-9.1.1/01: installer 3-4, PackDB 5-6, Packing 7-8, finale 9-11, finished 11.
    defaultSteps: { installer: 2, PackDB: 2, Packing: 2, finale: 3 },
    packingDirs: [
      'wp-admin/user',
      'wp-includes/blocks/post-comments-form',
      'wp-admin/js',
      'wp-content/uploads/2025/11',
      'wp-includes/js/dist',
    ],
  },
  joomla: {
    api: 500,
    component: '9.3.3',
    date: '2022-10-10',
    updateInfo: false,
    profileIdsAsStrings: false,
    jsonContentType: 'application/json; charset=utf-8',
    zombieOnUnknownId: false,
    initialPartialSize: 19,
    outputDir: 'administrator/components/com_akeebabackup/backup',
    // fixtures/akeeba-joomla/06: the language key is not translated.
    q001: 'Failed configuration check Q001: COM_AKEEBABACKUP_CPANEL_WARNING_Q001.' + Q001_TAIL,
    // fixtures/akeeba-joomla/02: Packing runs stepNumber 7..25, finale 26..28, finished 28.
    defaultSteps: { installer: 2, PackDB: 2, Packing: 19, finale: 3 },
    packingDirs: [
      'language/en-GB',
      'administrator/language/en-GB',
      'administrator/components/com_jmap/images/wizard',
      'media/vendor/tinymce/langs',
      'media/vendor/codemirror/mode',
      'media/quixnxt/storage/icons',
      'media/com_osmembership/membercards',
      'media/com_osmembership/qrcodes',
      'media/com_maximenuck/images',
      'media/mod_languages/images',
      'media/com_osservicesbooking/flags',
      'libraries/vendor/phpseclib/phpseclib/phpseclib/File/ASN1/Maps',
      'libraries/vendor/voku/portable-ascii/src/voku/helper/data',
      'components/com_osmembership/plugins/squarecard/square/src/Models',
      'components/com_eventbooking/payments/squareupapi/src/Models',
      'components/com_eventbooking/payments/squarecard/square/src/Models',
      'modules/mod_aa_uipl/assets/flags',
      'modules/mod_related_items/src/Helper',
    ],
  },
}

export const DEFAULT_PROFILE_NAME = 'Default Backup Profile'

export const MSG = {
  accessDenied: 'Access denied',
  noBackupId:
    'JSON API :: stepBackup -- You have not provided the required backupid parameter. This parameter is MANDATORY since May 2016. Please update your client software to include this parameter.',
  backupError: 'A backup error has occurred: ',
  tempData: 'Akeeba Engine detected a problem while saving temporary data. Please restart your backup.',
  defaultFailure: 'ftruncate(): Argument #1 ($stream) must be of type resource, bool given',
  invalidRecord: 'Invalid backup record identifier',
  invalidPart: 'Invalid backup part',
  invalidSegment: 'Invalid segment',
  readSegment: 'Error reading specified segment',
  getLog: 'This method is no longer supported by the Akeeba Remote JSON API',
  jpsEmptyPassword: 'You are using an empty password. This is not secure at all!',
  joomlaInvalidId: 'COM_AKEEBABACKUP_BUADMIN_ERROR_INVALIDID',
  defaultWarning: (root: string) =>
    `The symlink ${root}/fixture-warnings/dangling-link.txt points to a file or folder that no longer exists and will NOT be backed up.`,
} as const
