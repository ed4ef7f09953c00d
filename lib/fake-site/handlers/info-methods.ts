// getVersion, getProfiles, getLog.
import { DEFAULT_PROFILE_NAME, MSG } from '../persona'
import { json, type ApiContext, type Outcome } from './outcome'

export function getVersion({ site }: ApiContext): Outcome {
  const t = site.traits
  const data: Record<string, unknown> = {
    api: site.cfg.apiLevel ?? t.api,
    component: site.cfg.componentVersion ?? t.component,
    date: t.date,
    edition: site.cfg.edition ?? 'pro',
  }
  if (t.updateInfo) data.updateinfo = { stuck: 0, loadedUpdate: 0, hasUpdate: false }
  return json(200, data)
}

export function getProfiles({ site }: ApiContext): Outcome {
  const profiles = [{ id: 1, name: DEFAULT_PROFILE_NAME }, ...(site.cfg.profiles ?? []).filter((p) => p.id !== 1)]
  // Ids are strings on WordPress, integers on Joomla (fact 11).
  return json(
    200,
    profiles.map((p) => ({ id: site.traits.profileIdsAsStrings ? String(p.id) : p.id, name: p.name })),
  )
}

export function getLog(): Outcome {
  return json(501, MSG.getLog)
}
