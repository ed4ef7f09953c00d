import Link from 'next/link'

/** Product mark + name. The mark is three rising steps. */
export function Logo({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <Link href="/" onClick={onNavigate} className="flex items-center gap-2 rounded-md px-1 py-0.5 text-slate-900">
      <svg viewBox="0 0 24 24" aria-hidden="true" className="size-6 shrink-0">
        <rect width="24" height="24" rx="6" className="fill-slate-900" />
        <path
          d="M5 18h4.5v-4H14v-4h5"
          fill="none"
          className="stroke-white"
          strokeWidth="2.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="19" cy="10" r="2" className="fill-ok" />
      </svg>
      <span className="text-[15px] font-semibold tracking-tight">Stepwise</span>
    </Link>
  )
}
