import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { AppContext } from '../../../platform/context.ts';
import { receiveInbound } from '../channel-inbound.service.ts';
import { readAll } from '../channel-media.ts';
import { findEmailChannelByAddress, recordChannelError, toChannelConfig } from '../channel.service.ts';
import { MalformedPayload } from '../channel.types.ts';
import { tenantScope } from '../../../platform/db/tenant-scope.ts';
import { applyStatus } from '../channel-delivery.service.ts';
import { bounceOf, parseEmail, readEmail } from './email-parse.ts';

export type SmtpListener = { port: number; close: () => Promise<void> };

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

// Receives customers' mail (the MX, or a forward from the company's mailbox). Only addresses of an
// active e-mail channel are accepted, so it never relays; a mail is answered 250 only once stored.
export async function startSmtpListener(ctx: AppContext, port: number, host: string): Promise<SmtpListener> {
  const server = new SMTPServer({
    name: new URL(ctx.config.publicUrl).hostname,
    banner: 'Vínculo',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: ctx.config.channels.smtpMaxBytes,
    logger: false,
    onRcptTo(address, _session, callback) {
      findEmailChannelByAddress(ctx.db, address.address)
        .then((channel) => callback(channel ? null : smtpError(`5.7.1 Relaying denied: <${address.address}> is not an address of this server`, 550)))
        .catch((err: unknown) => {
          ctx.log.error({ err }, 'smtp: recipient lookup failed');
          callback(smtpError('4.3.0 Temporary failure, try again later', 451));
        });
    },
    onData(stream, session, callback) {
      void (async () => {
        const raw = await readAll(stream);
        if (stream.sizeExceeded) return callback(smtpError(`5.3.4 Message exceeds the ${ctx.config.channels.smtpMaxBytes} byte limit`, 552));
        const mail = await readEmail(raw);
        const bounce = bounceOf(mail);
        const parsed = bounce ? null : await parseEmail(raw, mail);
        const seen = new Set<string>();
        for (const address of session.envelope.rcptTo.map((r) => r.address)) {
          const row = await findEmailChannelByAddress(ctx.db, address);
          if (!row || seen.has(row.id)) continue;
          seen.add(row.id);
          if (parsed) {
            await receiveInbound(ctx, toChannelConfig(ctx, row), parsed);
            continue;
          }
          // A bounce is not the customer speaking: it fails the reply it reports on.
          const scope = tenantScope(ctx.db, row.workspace_id);
          const failed = bounce!.messageId ? await applyStatus(ctx, scope, row.id, { externalId: bounce!.messageId, status: 'failed', error: bounce!.reason }) : 0;
          if (!failed) await recordChannelError(scope, row.id, `A bounce for a message Vínculo did not send: ${bounce!.reason}`);
        }
        callback();
      })().catch((err: unknown) => {
        if (err instanceof MalformedPayload) {
          ctx.log.warn({ err: err.message }, 'smtp: refused an unreadable mail');
          return callback(smtpError(`5.6.0 ${err.message}`, 550));
        }
        // Not stored, so not acknowledged: the sending server keeps it and tries again.
        ctx.log.error({ err }, 'smtp: could not store a mail');
        callback(smtpError('4.3.0 Temporary failure storing the message, try again later', 451));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => ctx.log.error({ err }, 'smtp listener error'));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
