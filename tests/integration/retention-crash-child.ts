// Child process for retention-crash.test.ts: runs one retention sweep on the test database against the
// parent's fake site; the parent kills it with SIGKILL while a delete is in flight. Argument: owner.
import { runSweep } from '@/lib/retention/sweep'

const [owner] = process.argv.slice(2)
process.stdout.write('sweeping\n')
void runSweep(owner).then((s) => process.stdout.write(`finished ${JSON.stringify(s)}\n`))
