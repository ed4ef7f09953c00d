// Browser-side calls to our own API: JSON in, JSON out, and the one error envelope turned into an
// ApiError whose `field` lets a form put the message under the right input.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    })
  } catch {
    throw new ApiError(0, 'network', 'Stepwise did not answer. Is the server running?')
  }
  const text = await res.text()
  let data: unknown = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    // Not JSON (a proxy error page, say): fall through with the status.
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; field?: string; details?: unknown } } | null)?.error
    throw new ApiError(
      res.status,
      e?.code ?? 'http',
      e?.message ?? `The server answered ${res.status}.`,
      e?.field,
      e?.details,
    )
  }
  return data as T
}

export const apiGet = <T>(url: string) => request<T>('GET', url)
export const apiPost = <T>(url: string, body: unknown = {}) => request<T>('POST', url, body)
export const apiPatch = <T>(url: string, body: unknown) => request<T>('PATCH', url, body)
export const apiDelete = <T>(url: string) => request<T>('DELETE', url)
