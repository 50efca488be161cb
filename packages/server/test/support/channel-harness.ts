import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { storeAttachment } from '../../src/modules/attachments/attachment.service.ts';
import { tenantScope } from '../../src/platform/db/tenant-scope.ts';
import { call, createTenant, type Tenant } from './api-client.ts';
import { CHANNEL_TEST_ENV, startFakeNetwork, type FakeAnswer, type Recorded } from './fake-network.ts';
import { createTestApp, type Backend, type TestApp } from './test-app.ts';
import { waitFor } from './wait-for.ts';

export type Harness = Awaited<ReturnType<typeof startChannelHarness>>;

// An app with one channel of a kind pointed at a fake network, and the calls every channel test makes.
export async function startChannelHarness(backend: Backend, channel: (fakeUrl: string) => Record<string, unknown>, answer: (req: Recorded, index: number) => FakeAnswer) {
  const fake = await startFakeNetwork(answer);
  const app: TestApp = await createTestApp(backend, CHANNEL_TEST_ENV);
  const tenant: Tenant = await createTenant(app, 'Acme');
  const created = await call(app, 'POST', '/api/channels', { session: tenant.admin, body: channel(fake.url) });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const view = created.body;
  const messagesOf = async (conversationId: string) => (await call(app, 'GET', `/api/conversations/${conversationId}/messages`, { session: tenant.admin })).body.items as any[];
  return {
    app,
    tenant,
    fake,
    view,
    hookPath: new URL(view.webhookUrl).pathname as string,
    messagesOf,
    conversations: async (kind: string) => (await call(app, 'GET', `/api/conversations?channel=${kind}`, { session: tenant.admin })).body.items as any[],
    messageCount: async () =>
      Number((await app.ctx.db.selectFrom('messages').select((e) => e.fn.countAll().as('n')).where('workspace_id', '=', tenant.workspaceId).executeTakeFirstOrThrow()).n),
    reply: (conversationId: string, text: string) => call(app, 'POST', `/api/conversations/${conversationId}/messages`, { session: tenant.admin, body: { text, idempotencyKey: randomUUID() } }),
    // An employee's reply carrying one uploaded file.
    replyWithFile: async (conversationId: string, text: string, file: { fileName: string; contentType: string; content: Buffer }) => {
      const ref = await storeAttachment(tenantScope(app.ctx.db, tenant.workspaceId), app.ctx.storage, { type: 'employee', id: tenant.admin.employeeId }, { ...file, data: Readable.from([file.content]) });
      return call(app, 'POST', `/api/conversations/${conversationId}/messages`, { session: tenant.admin, body: { text, attachmentIds: [ref.id], idempotencyKey: randomUUID() } });
    },
    deliveryOf: (conversationId: string, messageId: string, status: string) =>
      waitFor(async () => {
        const m = (await messagesOf(conversationId)).find((x) => x.id === messageId);
        return m?.delivery?.status === status ? m.delivery : undefined;
      }, `delivery ${status}`, 15_000),
    externalIdOf: async (messageId: string) =>
      (await app.ctx.db.selectFrom('channel_messages').select('external_id').where('message_id', '=', messageId).executeTakeFirstOrThrow()).external_id!,
    health: async () => (await call(app, 'GET', `/api/channels/${view.id}`, { session: tenant.admin })).body.health,
    close: async () => {
      await app.teardown();
      await fake.close();
    },
  };
}
