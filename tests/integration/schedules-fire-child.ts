// A separate process that fires schedules on command, for schedules-exactly-once.test.ts: each stdin
// line is an ISO time; it runs fireDueSchedules at that time and answers "done <queued> <skipped>".
import { createInterface } from 'node:readline'
import { fireDueSchedules } from '../../lib/schedule/fire'
import { disconnectDb } from '../../lib/db/client'

const rl = createInterface({ input: process.stdin })
rl.on('line', (line) => {
  void (async () => {
    if (line === 'exit') {
      await disconnectDb()
      process.exit(0)
    }
    const r = await fireDueSchedules(new Date(line.trim()))
    process.stdout.write(`done ${r.created.length} ${r.skipped}\n`)
  })().catch((e) => {
    process.stdout.write(`error ${String((e as Error).message).replace(/\n/g, ' ')}\n`)
  })
})
process.stdout.write('ready\n')
