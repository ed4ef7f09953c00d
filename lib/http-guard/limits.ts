/** Largest request body Stepwise accepts. Its biggest bodies are a site with a key and a bulk run of a
 *  few hundred ids: a few KB. The cap keeps one request from filling the server's memory. */
export const MAX_BODY_BYTES = 64 * 1024

export const MAX_BODY_LABEL = '64 KB'
