import type {} from '@fastify/websocket';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, errorOf } from '../../platform/http/app-error.ts';
import type { EmployeePrincipal, Principal } from '../../platform/http/principal.ts';
import type { Hub, HubClient } from '../../platform/realtime/hub.ts';
import { conversationStream, workspaceStream } from '../../platform/realtime/stream-log.ts';
import { getConversation } from '../conversations/conversation.service.ts';
import { callSignalling } from '../calls/call-signalling.ts';
import { assertChannelReplyAllowed } from '../channels/channel-outbound.service.ts';
import { authorOf } from '../messages/message-author.ts';
import { sendMessage, toCustomerView } from '../messages/message.service.ts';
import { createVisitorPresence } from '../widget/visitor-presence.service.ts';
import { createConnectionPresence } from './connection-presence.ts';
import { clientMessageSchema, connectQuery, type ClientMessage } from './realtime.schema.ts';

function errorFrame(err: unknown, ref?: string) {
  if (err instanceof AppError) return { type: 'error', ref, error: errorOf(err.code, err.message, err.details) };
  return { type: 'error', ref, error: { code: 'internal', message: 'Something went wrong on our side; it has been logged' } };
}

// Cookie-authenticated sockets from a browser must come from our own origin (no cross-site hijack).
function assertSameOrigin(ctx: AppContext, req: FastifyRequest, p: Principal) {
  if (p.kind !== 'employee' || p.via !== 'session') return;
  const origin = req.headers.origin;
  if (!origin) return;
  const allowed = new Set([new URL(ctx.config.publicUrl).origin, `http://${req.headers.host}`, `https://${req.headers.host}`]);
  if (!allowed.has(origin)) throw new AppError('forbidden', `WebSocket connections from ${origin} are not allowed`);
}

export const realtimeRoutes =
  (ctx: AppContext, hub: Hub, seen: (p: EmployeePrincipal) => Promise<unknown>): FastifyPluginAsyncZod =>
  async (app) => {
    const parse = clientMessageSchema(ctx.config.maxMessageChars);
    const calls = callSignalling(ctx, hub);
    const visitorSeen = createVisitorPresence(ctx.db);
    const connections = createConnectionPresence(ctx);

    async function handle(client: HubClient, p: Principal, msg: ClientMessage): Promise<unknown> {
      const scope = tenantScope(ctx.db, p.workspaceId);
      const ownCustomer = p.kind === 'visitor' ? p.customerId : undefined;
      switch (msg.type) {
        case 'ping':
          // An employee's open socket keeps them online for routing (modules/employees/presence.service.ts).
          if (p.kind === 'employee') await seen(p);
          // A visitor's open widget means they are on the website (an employee may call them back).
          else await visitorSeen(p);
          return { type: 'pong' };
        case 'call.join':
          return calls.join(client, p, msg.callId);
        case 'call.signal':
          return calls.relay(client, p, msg.callId, msg.signal);
        case 'subscribe': {
          await getConversation(scope, msg.conversationId, ownCustomer);
          const last = await hub.subscribe(client, conversationStream(msg.conversationId), msg.since);
          return { type: 'subscribed', stream: conversationStream(msg.conversationId), seq: last };
        }
        case 'typing': {
          const conversation = await getConversation(scope, msg.conversationId, ownCustomer);
          const data = { kind: 'typing', conversationId: conversation.id, typing: msg.typing, by: p.kind === 'visitor' ? 'customer' : 'employee', employeeId: p.kind === 'employee' ? p.employeeId : null };
          for (const stream of [conversationStream(conversation.id), workspaceStream(p.workspaceId)]) {
            ctx.bus.publish('stream.ephemeral', { workspaceId: p.workspaceId, stream, data, originId: client.id });
          }
          return null;
        }
        case 'send': {
          const { type: _t, ...input } = msg;
          // The same WhatsApp window check as a reply over REST (message.routes.ts).
          if (p.kind === 'employee') await assertChannelReplyAllowed(scope, input.conversationId);
          const result = await sendMessage(ctx, scope, authorOf(p), input);
          return { type: 'ack', ref: msg.idempotencyKey, duplicate: result.duplicate, message: p.kind === 'visitor' ? toCustomerView(result.message) : result.message };
        }
      }
    }

    function serve(socket: WebSocket, req: FastifyRequest) {
      const p = req.principal!;
      const client = hub.register(p.workspaceId, socket);
      connections.opened(p);
      const reply = (frame: unknown) => {
        if (frame && socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
      };
      // Frames are handled one at a time so acks and events keep the order the client sent them in.
      let chain: Promise<void> = Promise.resolve();
      socket.on('message', (raw) => {
        chain = chain.then(async () => {
          let body: unknown;
          try {
            body = JSON.parse(raw.toString());
          } catch {
            return reply({ type: 'error', error: { code: 'bad_request', message: 'Frames must be JSON' } });
          }
          const parsed = parse.safeParse(body);
          // A call frame's error names its call, so the client does not take it for the conversation's.
          const ref = (body as { idempotencyKey?: unknown })?.idempotencyKey ?? (body as { callId?: unknown })?.callId;
          if (!parsed.success) {
            const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'frame'}: ${i.message}`).join('; ');
            return reply({ type: 'error', ref: typeof ref === 'string' ? ref : undefined, error: { code: 'validation_failed', message } });
          }
          try {
            reply(await handle(client, p, parsed.data));
          } catch (err) {
            if (!(err instanceof AppError)) req.log.error({ err }, 'realtime frame failed');
            reply(errorFrame(err, typeof ref === 'string' ? ref : undefined));
          }
        });
      });
      socket.on('close', () => {
        hub.unregister(client);
        connections.closed(p);
      });
      const q = connectQuery.safeParse(req.query);
      const since = q.success ? q.data.since : undefined;
      const start = async () => {
        if (p.kind === 'visitor') await visitorSeen(p);
        if (p.kind === 'employee') {
          const seq = await hub.subscribe(client, workspaceStream(p.workspaceId), since);
          reply({ type: 'ready', stream: workspaceStream(p.workspaceId), seq });
        } else if (q.success && q.data.conversationId) {
          await getConversation(tenantScope(ctx.db, p.workspaceId), q.data.conversationId, p.customerId);
          const seq = await hub.subscribe(client, conversationStream(q.data.conversationId), since);
          reply({ type: 'ready', stream: conversationStream(q.data.conversationId), seq });
        } else {
          reply({ type: 'ready', stream: null, seq: null });
        }
      };
      chain = chain.then(start).catch((err: unknown) => {
        reply(errorFrame(err));
        socket.close(4004, 'could not subscribe');
      });
    }

    const wsOptions = (auth: 'employee' | 'visitor', summary: string) => ({
      websocket: true as const,
      config: { auth },
      schema: { tags: ['realtime'], summary, querystring: connectQuery },
      preValidation: async (req: FastifyRequest) => assertSameOrigin(ctx, req, req.principal!),
    });

    app.get('/realtime', wsOptions('employee', 'WebSocket for employees: workspace events with sequence numbers; ?since=N resumes'), serve);
    app.get('/widget/realtime', wsOptions('visitor', 'WebSocket for a visitor (?token=…&conversationId=…&since=N)'), serve);
  };
