// Runs once when the Next.js server boots, before any request (stack-notes §2). Node-only work lives
// in instrumentation-node.ts so the Edge bundle never sees it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./instrumentation-node')
}
