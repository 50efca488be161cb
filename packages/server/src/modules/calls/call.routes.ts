import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { employeeOf, visitorOf } from '../../platform/http/auth.plugin.ts';
import { idParams, uuid } from '../../platform/http/common.schema.ts';
import { getConversation } from '../conversations/conversation.service.ts';
import { visitorOnline } from '../widget/visitor-presence.service.ts';
import { findWorkspaceByPublicKey } from '../workspaces/workspace.service.ts';
import { availableEmployees } from './call-routing.service.ts';
import { partyOf } from './call-signalling.ts';
import { callListQuery, employeeCallBody, hangUpBody, qualityBody, visitorCallBody } from './call.schema.ts';
import {
  acceptCall,
  callSettings,
  callsClosed,
  declineCall,
  getCall,
  hangUp,
  listCalls,
  liveCallIn,
  markHandled,
  recordQuality,
  startEmployeeCall,
  startVisitorCall,
  visitorViewOf,
} from './call.service.ts';
import { toCallView } from './call.view.ts';
import { iceServersFor } from './ice-servers.ts';

const tags = ['calls'];
const SIGNALLING =
  'Signalling goes over the realtime WebSocket: send `{type: "call.join", callId}` (allowed for the customer of a live call and the ' +
  'employee in it), then `{type: "call.signal", callId, signal}` with `ready`, `offer`, `answer` or `ice`; the other side receives ' +
  'them as ephemeral frames on the stream `call:<id>`. Media flows browser to browser; nothing is recorded.';

export const callRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);
    const ice = (label: string) => iceServersFor(ctx.config.ice, label);
    const me = (req: Parameters<typeof employeeOf>[0]) => {
      const e = employeeOf(req);
      return { e, party: partyOf(e) };
    };

    // ---- the customer's widget ----
    const availability = async (workspaceId: string) => {
      const scope = scopeOf(workspaceId);
      const settings = await callSettings(scope);
      const closed = callsClosed(settings);
      if (closed) return { available: false, reason: closed.reason };
      const free = await availableEmployees(scope);
      return free.length ? { available: true, reason: null } : { available: false, reason: 'no_one_available' };
    };
    app.get(
      '/widget/calls/availability',
      { config: { auth: 'visitor' }, schema: { tags, summary: 'Whether someone can answer a call now (the widget shows its call buttons then)' } },
      async (req) => availability(visitorOf(req).workspaceId),
    );
    // A visitor who has not written yet has no session (and no customer record): the widget asks by its key.
    app.get(
      '/widget/calls/availability/public',
      {
        schema: {
          tags,
          summary: 'The same answer by widget key, before any visitor session exists',
          querystring: z.object({ workspace: z.string().min(1).max(100).describe('the widget key (data-workspace)') }),
        },
      },
      async (req) => {
        const workspace = await findWorkspaceByPublicKey(ctx.db, req.query.workspace);
        if (!workspace) throw new AppError('not_found', 'No workspace has that widget key');
        return availability(workspace.id);
      },
    );

    app.post(
      '/widget/calls',
      {
        config: { auth: 'visitor' },
        schema: {
          tags,
          summary: 'Call the company from the website',
          description: `Rings the customer's trusted employee first, then the conversation's assignee, their team, and anyone else who can answer, each for the workspace's ring time. Nobody available or calls turned off is a 409 with \`details.reason\`. ${SIGNALLING}`,
          body: visitorCallBody,
        },
      },
      async (req, reply) => {
        const v = visitorOf(req);
        const scope = scopeOf(v.workspaceId);
        const row = await startVisitorCall(ctx, scope, v.customerId, req.body.conversationId, req.body.media);
        return reply.code(201).send({ call: await visitorViewOf(scope, row), iceServers: ice(row.id) });
      },
    );

    // The widget asks on every (re)connection: an employee may have started calling back while the
    // page was loading or reloading, before its socket could hear the event.
    app.get(
      '/widget/calls/live',
      {
        config: { auth: 'visitor' },
        schema: { tags, summary: 'The call ringing or in progress in your conversation, if any', querystring: z.object({ conversationId: uuid() }) },
      },
      async (req) => {
        const v = visitorOf(req);
        const scope = scopeOf(v.workspaceId);
        const conversation = await getConversation(scope, req.query.conversationId, v.customerId);
        const row = await liveCallIn(scope, conversation.id);
        return { call: row ? await visitorViewOf(scope, row) : null };
      },
    );

    app.get('/widget/calls/:id', { config: { auth: 'visitor' }, schema: { tags, summary: 'One of your calls', params: idParams } }, async (req) => {
      const v = visitorOf(req);
      const scope = scopeOf(v.workspaceId);
      const row = await getCall(scope, req.params.id, partyOf(v));
      return { call: await visitorViewOf(scope, row), iceServers: ice(row.id) };
    });

    const visitorAction = (path: string, summary: string, act: (scope: ReturnType<typeof scopeOf>, party: ReturnType<typeof partyOf>, id: string, body: unknown) => Promise<Parameters<typeof visitorViewOf>[1]>, body?: z.ZodType) =>
      app.post(
        `/widget/calls/:id/${path}`,
        { config: { auth: 'visitor' }, schema: { tags, summary, params: idParams, ...(body ? { body } : {}) } },
        async (req) => {
          const v = visitorOf(req);
          const scope = scopeOf(v.workspaceId);
          return { call: await visitorViewOf(scope, await act(scope, partyOf(v), req.params.id, req.body)) };
        },
      );
    visitorAction('accept', 'Answer an employee calling you back', (scope, party, id) => acceptCall(ctx, scope, party, id));
    visitorAction('decline', 'Decline an employee calling you back', (scope, party, id) => declineCall(ctx, scope, party, id));
    visitorAction('hangup', 'Hang up (or cancel while it rings)', (scope, party, id, body) => hangUp(ctx, scope, party, id, hangUpBody.parse(body ?? {})), hangUpBody.nullish());
    visitorAction('quality', "Report what this side's browser measured", (scope, party, id, body) => recordQuality(scope, party, id, qualityBody.parse(body).quality), qualityBody);

    // ---- employees ----
    app.get('/calls/ice-servers', { config: { auth: 'employee' }, schema: { tags, summary: 'STUN and TURN servers for a call, with short-lived TURN credentials' } }, async (req) => ({
      iceServers: ice(employeeOf(req).employeeId ?? 'employee'),
    }));

    app.get(
      '/calls',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: 'Calls, newest first; `status=missed` lists the customers who called and nobody has called back or handled',
          querystring: callListQuery.extend({ conversationId: z.uuid().optional(), customerId: z.uuid().optional() }),
        },
      },
      async (req) => {
        const { e } = me(req);
        const q = req.query;
        return { items: await listCalls(scopeOf(e.workspaceId), { conversationId: q.conversationId, customerId: q.customerId, missed: q.status === 'missed', limit: q.limit }) };
      },
    );

    app.get('/calls/:id', { config: { auth: 'employee' }, schema: { tags, summary: 'One call', params: idParams } }, async (req) =>
      toCallView(await getCall(scopeOf(employeeOf(req).workspaceId), req.params.id)),
    );

    app.post(
      '/conversations/:id/calls',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: 'Call back the customer of this conversation while they are on the website',
          description: `It rings in the customer's widget for the workspace's ring time. The customer not on the website (no open widget in the last 75 s) is a 409. Calling back marks the customer's missed calls handled. ${SIGNALLING}`,
          params: idParams,
          body: employeeCallBody,
        },
      },
      async (req, reply) => {
        const { e, party } = me(req);
        if (party.kind !== 'employee') throw new AppError('forbidden', 'Only employees call customers');
        const row = await startEmployeeCall(ctx, scopeOf(e.workspaceId), party.employeeId, req.params.id, req.body.media);
        return reply.code(201).send({ call: toCallView(row), iceServers: ice(row.id) });
      },
    );

    app.get(
      '/conversations/:id/calls/reachable',
      { config: { auth: 'employee' }, schema: { tags, summary: 'Whether the customer of this conversation is on the website now (can be called)', params: idParams } },
      async (req) => {
        const scope = scopeOf(employeeOf(req).workspaceId);
        const conversation = await getConversation(scope, req.params.id);
        return { reachable: await visitorOnline(scope, conversation.customer_id) };
      },
    );

    const employeeAction = (path: string, summary: string, act: (scope: ReturnType<typeof scopeOf>, party: ReturnType<typeof partyOf>, id: string, body: unknown) => Promise<Parameters<typeof toCallView>[0]>, body?: z.ZodType) =>
      app.post(`/calls/:id/${path}`, { config: { auth: 'employee' }, schema: { tags, summary, params: idParams, ...(body ? { body } : {}) } }, async (req) => {
        const { e, party } = me(req);
        return toCallView(await act(scopeOf(e.workspaceId), party, req.params.id, req.body));
      });
    employeeAction('accept', 'Answer a call ringing for you', (scope, party, id) => acceptCall(ctx, scope, party, id));
    employeeAction('decline', 'Pass a call ringing for you to the next employee', (scope, party, id) => declineCall(ctx, scope, party, id));
    employeeAction('hangup', 'Hang up', (scope, party, id, body) => hangUp(ctx, scope, party, id, hangUpBody.parse(body ?? {})), hangUpBody.nullish());
    employeeAction('quality', "Report what this side's browser measured", (scope, party, id, body) => recordQuality(scope, party, id, qualityBody.parse(body).quality), qualityBody);
    employeeAction('handled', 'Mark a missed call handled (it leaves the team\'s list)', (scope, party, id) => {
      if (party.kind !== 'employee') throw new AppError('forbidden', 'Only employees handle missed calls');
      return markHandled(ctx, scope, party.employeeId, id);
    });
  };
