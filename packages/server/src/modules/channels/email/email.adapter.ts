import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { ChannelsConfig } from '../../../platform/config/config.ts';
import { stringField } from '../channel-http.ts';
import { SendError, type ChannelAdapter, type ChannelConfig } from '../channel.types.ts';

// Our Message-ID for a reply, chosen before the first attempt so every retry carries the same one
// and the customer's answer (In-Reply-To) finds the conversation.
export const newMessageId = (channel: ChannelConfig) => `<${randomUUID()}@${channel.addresses[0]?.split('@')[1] ?? 'vinculo.local'}>`;

function transportOf(channel: ChannelConfig, config: ChannelsConfig) {
  const smtp = channel.settings.smtp as { host: string; port: number; secure?: boolean; user?: string } | undefined;
  if (smtp) {
    const pass = channel.secrets.smtpPassword;
    return nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: smtp.secure ?? false, ...(smtp.user ? { auth: { user: smtp.user, pass: pass ?? '' } } : {}) });
  }
  if (config.mailTransport) return nodemailer.createTransport(config.mailTransport);
  throw new SendError('No outgoing mail server: set the channel\'s "smtp" settings or VINCULO_MAIL_TRANSPORT', false);
}

// SMTP reply codes 4xx are temporary (retry), 5xx permanent; no answer at all is temporary too.
function sendErrorOf(err: unknown): SendError {
  const e = err as { responseCode?: number; message?: string; code?: string };
  const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
  return new SendError(`E-mail: ${e.message ?? String(err)}`, !permanent);
}

export function emailAdapter(config: ChannelsConfig): ChannelAdapter {
  return {
    kind: 'email',
    // Mail arrives over SMTP (smtp-listener.ts), never through a webhook.
    authenticate: () => false,
    parse: () => ({ messages: [], statuses: [] }),
    async send(channel, message) {
      const transport = transportOf(channel, config);
      const fromName = stringField(channel.settings.fromName);
      const from = channel.addresses[0]!;
      const messageId = message.messageId ?? newMessageId(channel);
      const refs = message.threadRefs ?? [];
      try {
        await transport.sendMail({
          from: fromName ? { name: fromName, address: from } : from,
          to: message.peer,
          subject: message.subject ?? '',
          text: message.text,
          messageId,
          ...(refs.length ? { inReplyTo: refs.at(-1), references: refs } : {}),
          attachments: message.files.map((f) => ({ filename: f.fileName, content: f.content, contentType: f.contentType })),
        });
      } catch (err) {
        throw sendErrorOf(err);
      } finally {
        transport.close();
      }
      return { externalId: messageId };
    },
  };
}
