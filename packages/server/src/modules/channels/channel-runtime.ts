import type { AppContext } from '../../platform/context.ts';
import { startIntervalJob } from '../../platform/jobs/interval-job.ts';
import { CHANNEL_KINDS, createAdapters, type Adapters } from './channel-adapters.ts';
import { deliverDue, queueForgottenReplies } from './channel-outbound.service.ts';
import { startSmtpListener, type SmtpListener } from './email/smtp-listener.ts';

export type ChannelRuntime = {
  adapters: Adapters;
  // Sends what is due now instead of waiting for the next poll.
  kick: () => void;
  smtpPort: () => number | null;
  close: () => Promise<void>;
};

export async function startChannelRuntime(ctx: AppContext): Promise<ChannelRuntime> {
  const adapters = createAdapters(ctx.config.channels);
  let running: Promise<void> | null = null;
  let again = false;
  // Listeners still finishing during shutdown must not start sends on a closing database.
  let closed = false;
  const drain = async () => {
    do {
      again = false;
      while ((await deliverDue(ctx, adapters)) > 0);
    } while (again);
  };
  const kick = () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((err: unknown) => ctx.log.error({ err }, 'channel delivery failed'))
      .finally(() => (running = null));
  };
  const recovered = queueForgottenReplies(ctx, CHANNEL_KINDS)
    .then((n) => n && (ctx.log.info({ replies: n }, 'queued channel replies left unqueued by a stop'), kick()))
    .catch((err: unknown) => ctx.log.error({ err }, 'could not queue forgotten channel replies'));
  // The durable queue is the table: this poll picks up retries that came due and sends a crash left.
  const stopPolling = startIntervalJob('channel-deliveries', ctx.config.channels.pollMs, async () => kick(), ctx.log);
  let smtp: SmtpListener | null = null;
  const port = ctx.config.channels.smtpPort;
  if (port !== null) {
    try {
      smtp = await startSmtpListener(ctx, port, ctx.config.host);
      ctx.log.info({ port: smtp.port }, 'smtp listener ready');
    } catch (err) {
      // A taken port must not keep the rest of Vínculo from starting; the health view shows mail is off.
      ctx.log.error({ err, port }, 'smtp listener could not start');
    }
  }
  return {
    adapters,
    kick,
    smtpPort: () => smtp?.port ?? null,
    close: async () => {
      closed = true;
      await recovered;
      await stopPolling();
      await running;
      await smtp?.close();
    },
  };
}
