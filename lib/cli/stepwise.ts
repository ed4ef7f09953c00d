// `npm run -s stepwise -- <command>`: the operator's command line (users and API tokens), run in
// the app folder with the server's environment. Bad input is refused before the database (and the
// modules that reach it) are even loaded. Exit status: 0 done, 2 bad input, 1 the command failed.
import { errorLine } from './error-line'
import { HELP } from './help'
import { processIo, type Io } from './io'
import { parseCommand, type Command } from './parse-command'

async function main(argv: string[], io: Io): Promise<number> {
  let command: Command
  try {
    command = parseCommand(argv)
  } catch (e) {
    io.err(`stepwise: ${errorLine(e).line}`)
    if (argv.length === 0) io.err(HELP)
    return 2
  }
  if (command.cmd === 'help') {
    io.out(HELP)
    return 0
  }
  try {
    const { runCommand } = await import('./run-command')
    await runCommand(command, io)
    return 0
  } catch (e) {
    const { line, status } = errorLine(e, command.cmd)
    io.err(`stepwise: ${line}`)
    return status
  }
}

void main(process.argv.slice(2), processIo).then((status) => {
  process.exitCode = status
})
