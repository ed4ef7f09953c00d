'use client'

import { Popover } from 'radix-ui'
import { ChevronDown, Download, FileArchive } from 'lucide-react'
import type { ArchiveDto } from '@/lib/domain/archives'
import { buttonClasses } from '@/components/ui/button'
import { formatBytes } from '@/lib/format/format'

export interface PartLink {
  part: number
  name: string
  size: number | null
  href: string
}

/** Part 1 is the .jpa (DESIGN.md fact 9), then .j01, .j02…: listed in that order. */
function partLinks(a: Pick<ArchiveDto, 'id' | 'parts' | 'multipart' | 'archiveName' | 'totalSize'>): PartLink[] {
  const href = (part: number) => `/api/archives/${a.id}/download?part=${part}`
  if (a.parts?.length)
    return [...a.parts]
      .sort((x, y) => x.part - y.part)
      .map((p) => ({ part: p.part, name: p.name, size: p.size, href: href(p.part) }))
  const n = Math.max(1, a.multipart)
  if (n === 1) return [{ part: 1, name: a.archiveName, size: a.totalSize || null, href: href(1) }]
  return Array.from({ length: n }, (_, i) => ({
    part: i + 1,
    name: i === 0 ? a.archiveName : `Part ${i + 1}`,
    size: null,
    href: href(i + 1),
  }))
}

/** One download link, or a popover listing each part for a multipart archive. */
export function ArchiveDownloads({ archive }: { archive: ArchiveDto }) {
  const links = partLinks(archive)
  if (links.length === 1) {
    return (
      <a
        href={links[0].href}
        download={links[0].name}
        className={buttonClasses({ size: 'sm' })}
        title={`Download ${links[0].name}`}
      >
        <Download aria-hidden="true" className="size-3.5" />
        <span className="max-sm:sr-only">Download</span>
      </a>
    )
  }
  return (
    <Popover.Root>
      <Popover.Trigger className={buttonClasses({ size: 'sm' })}>
        <Download aria-hidden="true" className="size-3.5" />
        {links.length}
        <span className="max-sm:sr-only"> parts</span>
        <ChevronDown aria-hidden="true" className="size-3.5" />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          collisionPadding={12}
          className="z-50 w-96 max-w-[calc(100vw-1.5rem)] rounded-lg bg-white p-3 shadow-lg ring-1 ring-slate-900/10 focus:outline-none"
        >
          <p className="text-sm font-medium text-slate-900">Multipart archive: download every part</p>
          <a
            href={`/api/archives/${archive.id}/download-all`}
            download
            className={`${buttonClasses({ variant: 'primary', size: 'sm' })} mt-2 w-full`}
          >
            <FileArchive aria-hidden="true" className="size-3.5" />
            Download all {links.length} parts (.zip)
          </a>
          <p className="mt-2 text-[13px] text-slate-600">
            One uncompressed zip holding every part, or each part as its own file below. Keep the parts in one folder;
            extract from the .jpa (part 1).
          </p>
          <ul className="mt-2 divide-y divide-slate-100">
            {links.map((l) => (
              <li key={l.part}>
                <a
                  href={l.href}
                  download={l.name}
                  className="flex items-center gap-2 rounded px-1.5 py-2 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600"
                >
                  <Download aria-hidden="true" className="size-3.5 shrink-0 text-slate-500" />
                  <span className="w-12 shrink-0 text-slate-500">Part {l.part}</span>
                  <FileName name={l.name} />
                  <span className="shrink-0 text-slate-600 tabular-nums">{formatBytes(l.size)}</span>
                </a>
              </li>
            ))}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}

/** A long archive name truncated in the middle of its base, so the .jpa / .j01 ending stays visible. */
function FileName({ name }: { name: string }) {
  const dot = name.lastIndexOf('.')
  const base = dot > 0 ? name.slice(0, dot) : name
  const ext = dot > 0 ? name.slice(dot) : ''
  return (
    <span className="flex min-w-0 flex-1 font-mono text-[13px] text-slate-900" title={name}>
      <span className="truncate">{base}</span>
      <span className="shrink-0">{ext}</span>
    </span>
  )
}
