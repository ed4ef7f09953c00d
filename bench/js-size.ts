// First-load JavaScript of a page, from the build's manifests: the root main files (build-manifest)
// plus every chunk the page's entry and its layouts load (the page's client reference manifest),
// compressed as the server sends them and summed: Brotli quality 11 (lib/runtime/static-brotli.mjs,
// what every current browser gets) and, beside it, gzip level 9 (for a client without br; Next's own
// gzip is level 6, a little larger). Polyfills (nomodule, not loaded by current browsers) are left out.
// Chunks loaded on demand (next/dynamic: dialogs, menus, charts, a failed run's explanation, the log
// tab) are not first-load JavaScript, as in Next's own build report.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { brotliOptions } from '../lib/runtime/static-brotli.mjs'
import { record, root } from './common'

export function firstLoadJs(distDir: string, route: string): { files: number; gzipBytes: number; brotliBytes: number } {
  const dist = path.join(root, distDir)
  const build = JSON.parse(readFileSync(path.join(dist, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] }
  const manifestFile = path.join(dist, 'server/app', route, 'page_client-reference-manifest.js')
  const g = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }> }
  new Function('globalThis', readFileSync(manifestFile, 'utf8'))(g)
  const m = g.__RSC_MANIFEST[`${route}/page`]
  const files = new Set<string>(build.rootMainFiles)
  // The page's own entry and those of the layouts around it (error/not-found boundaries load on demand).
  const segments = route.split('/').filter(Boolean)
  const entries = ['[project]/app/layout', `[project]/app${route}/page`]
  for (let i = 1; i <= segments.length; i++) entries.push(`[project]/app/${segments.slice(0, i).join('/')}/layout`)
  for (const e of entries) for (const f of m.entryJSFiles[e] ?? []) files.add(f)
  let gzipBytes = 0
  let brotliBytes = 0
  for (const f of files) {
    const body = readFileSync(path.join(dist, f))
    gzipBytes += gzipSync(body, { level: 9 }).length
    brotliBytes += brotliCompressSync(body, brotliOptions(body.length)).length
  }
  return { files: files.size, gzipBytes, brotliBytes }
}

export function jsSize(): void {
  const distDir = process.env.NEXT_DIST_DIR || '.next'
  if (!existsSync(path.join(root, distDir, 'build-manifest.json'))) {
    record({
      name: 'run page first-load JS',
      figure: 'n/a',
      target: '≤ 150 KB',
      ok: null,
      note: `no build in ${distDir}`,
    })
    return
  }
  console.log(`\n== first-load JavaScript (Brotli 11 as served; gzip -9 beside it; from ${distDir})`)
  for (const [route, target] of [
    ['/(app)/runs/[id]', 150],
    ['/(app)/sites/[id]', null],
    ['/(app)/runs', null],
    ['/(app)', null],
  ] as const) {
    const r = firstLoadJs(distDir, route)
    const kb = r.brotliBytes / 1024
    const gz = `gzip ${(r.gzipBytes / 1024).toFixed(0)} KB`
    console.log(`${route.padEnd(20)} ${kb.toFixed(1)} KB (${gz}) in ${r.files} files`)
    record({
      name: `${route === '/(app)' ? 'overview' : route.replace('/(app)', '')} page first-load JS`,
      figure: `${kb.toFixed(1)} KB`,
      target: target ? `≤ ${target} KB` : 'report',
      ok: target ? kb <= target : null,
      note: `Brotli as served; ${gz}`,
    })
  }
}
