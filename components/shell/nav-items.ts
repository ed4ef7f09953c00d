import { Archive, CalendarClock, LayoutDashboard, Play, Server, type LucideIcon } from 'lucide-react'

export interface NavItem {
  href: string
  label: string
  icon: LucideIcon
}

export const navItems: NavItem[] = [
  { href: '/', label: 'Overview', icon: LayoutDashboard },
  { href: '/sites', label: 'Sites', icon: Server },
  { href: '/runs', label: 'Runs', icon: Play },
  { href: '/schedules', label: 'Schedules', icon: CalendarClock },
  { href: '/archives', label: 'Archives', icon: Archive },
]

/** "/" matches only itself; other items also match their sub-pages (/sites/12 → Sites). */
export function isActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/'
  return pathname === href || pathname.startsWith(`${href}/`)
}
