import {
  Archive,
  Bell,
  BookOpen,
  CalendarClock,
  Eraser,
  FileText,
  KeyRound,
  LayoutDashboard,
  Play,
  ScrollText,
  Server,
  Users,
  type LucideIcon,
} from 'lucide-react'
import type { Access } from '@/lib/domain/roles'

export interface NavItem {
  href: string
  label: string
  icon: LucideIcon
  /** The least role that sees the item (default: everyone signed in). */
  access?: Exclude<Access, 'public'>
}

export const navItems: NavItem[] = [
  { href: '/', label: 'Overview', icon: LayoutDashboard },
  { href: '/sites', label: 'Sites', icon: Server },
  { href: '/runs', label: 'Runs', icon: Play },
  { href: '/schedules', label: 'Schedules', icon: CalendarClock },
  { href: '/archives', label: 'Archives', icon: Archive },
  { href: '/retention', label: 'Retention', icon: Eraser },
  { href: '/reports', label: 'Reports', icon: FileText },
  { href: '/api-docs', label: 'API', icon: BookOpen },
  { href: '/notifications', label: 'Notifications', icon: Bell, access: 'admin' },
  { href: '/users', label: 'Users', icon: Users, access: 'admin' },
  { href: '/tokens', label: 'API tokens', icon: KeyRound, access: 'admin' },
  { href: '/audit', label: 'Audit', icon: ScrollText, access: 'admin' },
]

/** "/" matches only itself; other items also match their sub-pages (/sites/12 → Sites). */
export function isActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/'
  return pathname === href || pathname.startsWith(`${href}/`)
}
