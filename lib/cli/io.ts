// Where a command writes: its answer to stdout, everything else (notes, errors) to stderr, so that
// `$(npm run -s stepwise -- token create …)` captures the token and nothing else.
export interface Io {
  out(line: string): void
  err(line: string): void
  /** The first line of stdin (for `--password -`). */
  readLine(): Promise<string>
}

async function firstLineOfStdin(): Promise<string> {
  let text = ''
  for await (const chunk of process.stdin) {
    text += String(chunk)
    if (text.includes('\n')) break
  }
  process.stdin.destroy()
  return text.split(/\r?\n/)[0]
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readLine: firstLineOfStdin,
}
