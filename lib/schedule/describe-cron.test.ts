import { describe, expect, it } from 'vitest'
import { describeCron } from './describe-cron'

describe('describeCron', () => {
  it.each([
    ['* * * * *', 'Every minute'],
    ['*/15 * * * *', 'Every 15 minutes'],
    ['0 * * * *', 'Every hour, on the hour'],
    ['5 * * * *', 'Every hour at 05 past'],
    ['30 */6 * * *', 'Every 6 hours at 30 past (from 00:30)'],
    ['30 2 * * *', 'Every day at 02:30'],
    ['0 2,14 * * *', 'Every day at 02:00 and 14:00'],
    ['0 3 * * 1-5', 'Every Monday to Friday at 03:00'],
    ['0 3 * * MON-FRI', 'Every Monday to Friday at 03:00'],
    ['0 4 * * 0', 'Every Sunday at 04:00'],
    ['0 4 * * 1,3,5', 'Every Monday, Wednesday and Friday at 04:00'],
    ['0 4 * * 6,0', 'Every Saturday and Sunday at 04:00'],
    ['0 1 1 * *', 'On the 1st of every month at 01:00'],
    ['0 1 22 * *', 'On the 22nd of every month at 01:00'],
    ['0 1 L * *', 'On the last day of every month at 01:00'],
    ['0 0 1 1 *', 'Every year on 1 January at 00:00'],
    ['@daily', 'Every day at 00:00'],
    ['@weekly', 'Every Sunday at 00:00'],
  ])('%s → %s', (expr, words) => {
    expect(describeCron(expr)).toBe(words)
  })

  it('falls back to the expression for anything unusual', () => {
    expect(describeCron('0-30/5 1-3 */2 * *')).toBe('0-30/5 1-3 */2 * *')
    expect(describeCron('0 2 * * 1#2')).toBe('0 2 * * 1#2')
  })
})
