// Types of lib/runtime/http-server.mjs (plain JavaScript so that `npm start` needs no TypeScript loader).
import type { IncomingMessage, Server, ServerResponse } from 'node:http'

export const SERVER_NODE_FLAGS: string[]
export function restoreDownloadLength(req: IncomingMessage, res: ServerResponse): void
export function startHttpServer(o: { dir: string; host: string; port: string | number }): Promise<Server>
