import type { Metadata } from 'next'
import { NotFoundView } from '@/components/shell/not-found-view'

export const metadata: Metadata = { title: 'Not found' }

// Rendered inside the (app) layout when a page calls notFound() (e.g. /runs/<unknown id>).
export default function AppNotFound() {
  return <NotFoundView />
}
