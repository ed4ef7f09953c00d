// Akeeba's own backup log is not readable over the JSON API (getLog answers 501 on 9.x,
// akeeba-protocol.md "getLog — deprecated / gone"), so the run page links to the log page in the
// site's own admin instead. The person signs in there; Stepwise never sees that page.

/** The site's "View Log" page in Akeeba Backup's admin, or null for a platform we do not know. */
export function akeebaLogUrl(site: { baseUrl: string; platform: string | null }): string | null {
  const path =
    site.platform === 'wordpress'
      ? 'wp-admin/admin.php?page=akeebabackup&view=Log'
      : site.platform === 'joomla'
        ? 'administrator/index.php?option=com_akeebabackup&view=Log'
        : site.platform === 'joomla3'
          ? 'administrator/index.php?option=com_akeeba&view=Log'
          : null
  if (!path) return null
  try {
    const base = new URL(site.baseUrl)
    if (base.protocol !== 'https:' && base.protocol !== 'http:') return null
    if (!base.pathname.endsWith('/')) base.pathname += '/'
    base.search = ''
    base.hash = ''
    return new URL(path, base).toString()
  } catch {
    return null
  }
}
