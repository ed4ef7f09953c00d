// Finds where a site's Akeeba API lives and checks the key, or says precisely why not.
import type { Endpoint, Platform, Profile, VersionInfo } from './types'
import { AkeebaError } from './types'
import { AkeebaClient } from './client'
import { ADVICE, bestFailure, classifyProbeError, type DetectCause, type ProbeFailure } from './probe-outcome'
import { explicitEndpoint, parseSiteUrl, rootTargets, siteBase, type ProbeTarget } from './site-url'
import { sniffSolo } from './sniff-solo'

export interface DetectOptions {
  timeoutMs?: number
  connectTimeoutMs?: number
  userAgent?: string
  insecureTls?: boolean
  signal?: AbortSignal
}

export type DetectResult =
  | { ok: true; endpoint: Endpoint; version: VersionInfo; profiles: Profile[] }
  | { ok: false; cause: DetectCause; message: string; advice: string }

/** getVersion api level below which Stepwise does not work (backupid/stepNumber arrived at 340). */
export const MIN_API_LEVEL = 340

const failure = (cause: DetectCause, message: string) => ({ ok: false as const, cause, message, advice: ADVICE[cause] })

type ProbeResult = { ok: true; result: DetectResult } | { ok: false; failure: ProbeFailure }

async function probe(target: ProbeTarget, key: string, opts: DetectOptions): Promise<ProbeResult> {
  const client = new AkeebaClient({
    endpoint: target,
    key,
    timeoutMs: opts.timeoutMs ?? 30_000,
    connectTimeoutMs: opts.connectTimeoutMs ?? 10_000,
    userAgent: opts.userAgent,
    insecureTls: opts.insecureTls,
  })
  const call = { signal: opts.signal }
  let version: VersionInfo
  try {
    version = (await client.getVersion(call)).data
  } catch (err) {
    if (!(err instanceof AkeebaError)) throw err
    const f = classifyProbeError(err, target.url)
    return f.stop ? { ok: true, result: failure(f.cause, f.message) } : { ok: false, failure: f }
  }
  if (version.edition === 'core') {
    return { ok: true, result: failure('core_edition', `${target.url} runs Akeeba Backup ${version.component} Core.`) }
  }
  if (version.api < MIN_API_LEVEL) {
    const message = `${target.url} runs Akeeba Backup ${version.component} with API level ${version.api}; ${MIN_API_LEVEL} or newer is needed.`
    return { ok: true, result: failure('api_too_old', message) }
  }
  // getVersion answered, so this is the site: whatever getProfiles says is the final word.
  try {
    const { data: profiles } = await client.getProfiles(call)
    const platform: Platform =
      target.platform === 'joomla3' && (await sniffSolo(target.url, opts)) ? 'solo' : target.platform
    return { ok: true, result: { ok: true, endpoint: { url: target.url, platform }, version, profiles } }
  } catch (err) {
    if (!(err instanceof AkeebaError)) throw err
    const f = classifyProbeError(err, target.url)
    return { ok: true, result: failure(f.cause, `getVersion worked but getProfiles failed: ${f.message}`) }
  }
}

export async function detectSite(pastedUrl: string, key: string, opts: DetectOptions = {}): Promise<DetectResult> {
  const url = parseSiteUrl(pastedUrl)
  if (!url) return failure('invalid_url', `"${pastedUrl.trim().slice(0, 200)}" is not a web address.`)
  if (!key.trim()) return failure('auth', 'No key was given.')
  const explicit = explicitEndpoint(url)
  const targets = explicit ? [explicit] : rootTargets(siteBase(url))
  const failures: ProbeFailure[] = []
  for (const target of targets) {
    const outcome = await probe(target, key, opts)
    if (outcome.ok) return outcome.result
    failures.push(outcome.failure)
    if (opts.signal?.aborted) break
  }
  const best = bestFailure(failures)
  const tried = failures.length > 1 ? ` (tried ${failures.length} endpoint addresses)` : ''
  return { ok: false, cause: best.cause, message: best.message + tried, advice: best.advice }
}
