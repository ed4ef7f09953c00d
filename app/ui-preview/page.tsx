import type { Metadata } from 'next'
import { Preview } from './preview'

export const metadata: Metadata = { title: 'UI preview' }

// Temporary page showing every shared component; the lead deletes app/ui-preview/ later.
export default function UiPreviewPage() {
  // The sample dates are relative to this request's time, passed down so server and client agree.
  return <Preview now={Date.now()} />
}
