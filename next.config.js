// Security headers on every response: pages, route handlers and static files. Next inlines the scripts
// that hydrate a page, so script-src needs 'unsafe-inline' (nonces would make every page dynamic);
// nothing is loaded from another origin. The dev server also needs eval (React's dev tooling).
function securityHeaders(dev) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
  return [
    { key: 'Content-Security-Policy', value: csp },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    // Not no-referrer: with it a browser sends `Origin: null` on same-origin POSTs, which proxy.ts refuses.
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    {
      key: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), browsing-topics=()',
    },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    // Other sites cannot embed our responses (an archive download, a JSON list) as images or scripts.
    { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  ]
}

/** @type {(phase: string) => import('next').NextConfig} */
module.exports = (phase) => ({
  // NEXT_DIST_DIR lets several builds coexist in one checkout (parallel e2e runs while developing).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', '@prisma/adapter-pg', 'pino'],
  poweredByHeader: false,
  experimental: {
    // With a proxy, Next copies each request body in memory for the route (default up to 10 MB).
    // Stepwise accepts 64 KB (lib/http-guard/limits.ts); the copy stays above twice that so that
    // proxy.ts, counting a chunked body, always sees more than 64 KB of one that is too large.
    proxyClientMaxBodySize: '256kb',
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders(phase === 'phase-development-server') }]
  },
})
