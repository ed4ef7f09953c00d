import { ShieldAlert } from 'lucide-react'

/** Shown on the overview when pageActor sent someone here from a page their role cannot open. */
export function DeniedNotice() {
  return (
    <p
      role="status"
      className="mb-6 flex items-start gap-2 rounded-md border border-amber-200 bg-warn-bg px-3 py-2 text-sm text-warn-fg"
    >
      <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      Your role cannot open that page. Ask an admin of this Stepwise if you need it.
    </p>
  )
}
