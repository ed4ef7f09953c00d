import { json, route } from '@/lib/api/respond'
import { openApiDocument } from '@/lib/openapi/build-document'

export const dynamic = 'force-dynamic'

/** Public: the document describes the API, not any data, so tools can fetch it without a token. */
export const GET = route('public', async () => json(openApiDocument()))
