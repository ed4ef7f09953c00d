// E-mail through nodemailer and STEPWISE_SMTP_URL. One transport per process, made on first use.
import nodemailer, { type Transporter } from 'nodemailer'
import { config } from '../config'
import type { EmailMessage } from './email-message'
import type { PostResult } from './http-post'

let transport: { url: string; t: Transporter } | undefined

function transporter(url: string): Transporter {
  if (transport?.url !== url) {
    transport?.t.close()
    transport = {
      url,
      t: nodemailer.createTransport(
        `${url}${url.includes('?') ? '&' : '?'}connectionTimeout=15000&socketTimeout=30000`,
      ),
    }
  }
  return transport.t
}

/** `to`: comma-separated addresses. Never throws: the answer says what happened. */
export async function sendMail(to: string, m: EmailMessage): Promise<PostResult> {
  const c = config()
  if (!c.STEPWISE_SMTP_URL)
    return {
      ok: false,
      status: null,
      answer: 'STEPWISE_SMTP_URL is not set: Stepwise has no mail server to send through.',
    }
  try {
    const info = await transporter(c.STEPWISE_SMTP_URL).sendMail({
      from: c.STEPWISE_MAIL_FROM,
      to,
      subject: m.subject,
      text: m.text,
      html: m.html,
    })
    const rejected = (info.rejected ?? []).map(String)
    if (rejected.length)
      return { ok: false, status: null, answer: `refused: ${rejected.join(', ')} (${info.response})` }
    return { ok: true, status: null, answer: String(info.response ?? 'accepted') }
  } catch (e) {
    return { ok: false, status: null, answer: e instanceof Error ? e.message : String(e) }
  }
}
