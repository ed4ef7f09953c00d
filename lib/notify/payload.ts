// The one payload every channel is built from (the webhook sends it as is). Pure.
import type { NotifyEventKind, NotifyPayload } from './types'

export interface PayloadFacts {
  eventId: string
  kind: NotifyEventKind | 'test'
  occurredAt: Date
  site: { id: string; name: string; baseUrl: string }
  run: {
    id: string
    status: string
    errorKind: string | null
    errorMessage: string | null
    warningsCount: number
    archiveName: string | null
    startedAt: Date | null
    finishedAt: Date | null
  } | null
  details: Record<string, unknown>
  /** Where people open Stepwise (lib/auth/public-url.ts). */
  baseUrl: string
}

export const runPageUrl = (base: string, runId: string) => `${base}/runs/${encodeURIComponent(runId)}`
export const sitePageUrl = (base: string, siteId: string) => `${base}/sites/${encodeURIComponent(siteId)}`

export function buildPayload(f: PayloadFacts): NotifyPayload {
  // The digest is about the whole fleet: it links to the dashboard and to each site in its details.
  const details = f.kind === 'digest' ? f.details : { ...f.details, sitePageUrl: sitePageUrl(f.baseUrl, f.site.id) }
  return {
    id: f.eventId,
    event: f.kind,
    occurredAt: f.occurredAt.toISOString(),
    site: { id: f.site.id, name: f.site.name, url: f.site.baseUrl },
    ...(f.run
      ? {
          run: {
            id: f.run.id,
            status: f.run.status,
            errorKind: f.run.errorKind,
            errorMessage: f.run.errorMessage,
            warningsCount: f.run.warningsCount,
            archiveName: f.run.archiveName,
            startedAt: f.run.startedAt?.toISOString() ?? null,
            finishedAt: f.run.finishedAt?.toISOString() ?? null,
            url: runPageUrl(f.baseUrl, f.run.id),
          },
        }
      : {}),
    details,
  }
}

/** The page a person should open for this alert: the run, else the site. */
export function linkOf(p: NotifyPayload): string {
  const page = p.details?.sitePageUrl ?? (p.details?.digest as { dashboardUrl?: unknown } | undefined)?.dashboardUrl
  return p.run?.url ?? (typeof page === 'string' ? page : p.site.url)
}
