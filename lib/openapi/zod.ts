// zod with `.openapi()` (ids, examples, descriptions). Only the document builder uses it; the routes'
// own schemas are plain zod and are read as they are.
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi'
import { z } from 'zod'

extendZodWithOpenApi(z)

export { z }
