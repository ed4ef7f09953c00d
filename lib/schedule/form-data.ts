// What the schedule form needs from the server: sites (with tags and profiles), known tags, zones.
import { allTags, findSites } from '../db/sites'

export interface ScheduleFormData {
  sites: { id: string; name: string; tags: string[]; profiles: { id: number; name: string }[] }[]
  tags: string[]
  timeZones: string[]
  /** The zone this server runs in (offered near the top of the picker). */
  serverTimeZone: string
}

// ICU lists some zones under their old names; people look for the current ones (Intl accepts both).
const MODERN: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Africa/Asmera': 'Africa/Asmara',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton',
}

export async function scheduleFormData(): Promise<ScheduleFormData> {
  const [sites, tags] = await Promise.all([findSites(), allTags()])
  const serverZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  const zones = [...new Set(Intl.supportedValuesOf('timeZone').map((z) => MODERN[z] ?? z))].sort()
  return {
    sites: sites.map((s) => ({ id: s.id, name: s.name, tags: s.tags, profiles: s.profiles })),
    tags,
    // Computed here and passed down so the server render and the browser list the same options.
    timeZones: ['UTC', ...zones.filter((z) => z !== 'UTC')],
    serverTimeZone: MODERN[serverZone] ?? serverZone,
  }
}
