import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateDemoData } from '../src/modules/demo/demo-data.service.ts';
import { ensureFirstWorkspace } from '../src/modules/workspaces/first-run.service.ts';
import { createWorkspace } from '../src/modules/workspaces/workspace.service.ts';
import type { Db } from '../src/platform/db/database.ts';
import { tenantScope, type TenantTable } from '../src/platform/db/tenant-scope.ts';
import { AppError } from '../src/platform/http/app-error.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';

const DAY = 86_400_000;

async function countRows(db: Db, workspaceId: string, table: TenantTable): Promise<number> {
  const row = await tenantScope(db, workspaceId)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function snapshot(db: Db, workspaceId: string) {
  const scope = tenantScope(db, workspaceId);
  return {
    customers: await countRows(db, workspaceId, 'customers'),
    identities: await countRows(db, workspaceId, 'customer_identities'),
    conversations: await countRows(db, workspaceId, 'conversations'),
    messages: await countRows(db, workspaceId, 'messages'),
    agents: Number(
      (await scope.selectFrom('employees').select((eb) => eb.fn.countAll<string>().as('n')).where('role', '=', 'agent').executeTakeFirstOrThrow()).n,
    ),
    teams: await countRows(db, workspaceId, 'teams'),
  };
}

async function customerNames(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await tenantScope(db, workspaceId).selectFrom('customers').select(['name', 'locale']).execute();
  return rows.map((r) => `${r.locale}:${r.name}`).sort();
}

for (const backend of backends()) {
  describe(`demo data (${backend})`, () => {
    let app: TestApp;
    let db: Db;
    before(async () => {
      app = await createTestApp(backend);
      db = app.ctx.db;
    });
    after(async () => {
      await app.teardown();
    });

    test('fills a workspace: the counts it returns are the rows stored, in Spanish and English, in time order', async () => {
      const ws = await createWorkspace(db, { name: 'Uno', slug: 'uno' });
      const progress: [number, number][] = [];
      const result = await generateDemoData(app.ctx, ws.id, { customers: 300, seed: 11, onProgress: (done, total) => progress.push([done, total]) });

      const stored = await snapshot(db, ws.id);
      assert.deepEqual(stored, { customers: 300, identities: 300, conversations: result.conversations, messages: result.messages, agents: 5, teams: 2 });
      assert.deepEqual(result, { customers: 300, conversations: result.conversations, messages: result.messages, employees: 5 });
      assert.ok(result.conversations >= 300 && result.conversations <= 900, `1 to 3 conversations each: ${result.conversations}`);
      assert.ok(result.messages >= 2 * result.conversations && result.messages <= 8 * result.conversations);
      assert.ok(progress.length >= 2, 'reports progress after each batch');
      assert.deepEqual(progress.at(-1), [300, 300]);
      assert.ok(progress.every(([done], i) => i === 0 || done > (progress[i - 1]?.[0] ?? 0)));

      const scope = tenantScope(db, ws.id);
      const customers = await scope.selectFrom('customers').select(['id', 'locale', 'email', 'name', 'created_at']).execute();
      const spanish = customers.filter((c) => c.locale === 'es').length;
      const english = customers.filter((c) => c.locale === 'en').length;
      assert.equal(spanish + english, 300);
      assert.ok(spanish > 135 && spanish < 225, `about 60% Spanish: ${spanish}`);
      assert.ok(customers.every((c) => c.name && c.name.includes(' ')));

      const identities = await scope.selectFrom('customer_identities').select(['customer_id', 'channel', 'external_id']).execute();
      assert.equal(new Set(identities.map((i) => i.customer_id)).size, 300);
      assert.ok(identities.every((i) => i.channel === 'email' || i.channel === 'web-visitor'));
      const byCustomer = new Map(customers.map((c) => [c.id, c]));
      for (const i of identities.filter((x) => x.channel === 'email')) assert.equal(i.external_id, byCustomer.get(i.customer_id)?.email);

      // Customer messages carry emotion labels and every customer has a mood, as live ones would.
      const labels = await scope.selectFrom('messages').select(['direction', 'emotion']).execute();
      assert.ok(labels.filter((m) => m.direction === 'inbound').every((m) => m.emotion !== null));
      assert.ok(labels.filter((m) => m.direction === 'outbound').every((m) => m.emotion === null));
      const points = await scope.selectFrom('customer_mood_points').select('id').execute();
      assert.equal(points.length, labels.filter((m) => m.direction === 'inbound').length);
      const moods = await scope.selectFrom('customer_moods').select(['score']).execute();
      assert.equal(moods.length, 300);
      const unhappy = moods.filter((m) => m.score <= -0.2).length;
      const happy = moods.filter((m) => m.score >= 0.2).length;
      assert.ok(unhappy > 10 && happy > 10, `a realistic spread of moods: ${unhappy} unhappy, ${happy} happy of 300`);

      const agents = new Set((await scope.selectFrom('employees').select('id').execute()).map((e) => e.id));
      const conversations = await scope.selectFrom('conversations').selectAll().execute();
      const statuses = new Set(conversations.map((c) => c.status));
      assert.deepEqual([...statuses].sort(), ['open', 'pending', 'resolved']);
      assert.ok(conversations.filter((c) => c.status === 'resolved').length > conversations.length / 2, 'most conversations are resolved');
      assert.ok(conversations.every((c) => ['web', 'email', 'whatsapp', 'telegram'].includes(c.channel)));

      const messages = await scope
        .selectFrom('messages')
        .select(['conversation_id', 'direction', 'author_type', 'author_id', 'text', 'created_at', 'idempotency_key'])
        .orderBy('conversation_id')
        .orderBy('created_at')
        .execute();
      const thread = new Map<string, typeof messages>();
      for (const m of messages) thread.set(m.conversation_id, [...(thread.get(m.conversation_id) ?? []), m]);
      const now = Date.now();
      for (const c of conversations) {
        const list = thread.get(c.id) ?? [];
        assert.ok(list.length >= 2 && list.length <= 8);
        const customer = byCustomer.get(c.customer_id);
        assert.ok(customer && customer.created_at.getTime() < c.created_at.getTime(), 'customer exists before their first conversation');
        list.forEach((m, i) => {
          if (i > 0) assert.ok(m.created_at.getTime() > (list[i - 1]?.created_at.getTime() ?? 0), 'strictly increasing time');
          // Alternation starting with the customer proves the time order is the conversation's order.
          assert.equal(m.direction, i % 2 === 0 ? 'inbound' : 'outbound');
          if (m.direction === 'inbound') assert.deepEqual([m.author_type, m.author_id], ['customer', c.customer_id]);
          else assert.ok(m.author_type === 'employee' && m.author_id !== null && agents.has(m.author_id));
          assert.equal(m.idempotency_key, null);
          assert.ok(m.text.length > 0 && !/[{}[\]]/.test(m.text), `placeholders filled: ${m.text}`);
        });
        const first = list[0]?.created_at.getTime() ?? 0;
        const last = list.at(-1)?.created_at.getTime() ?? 0;
        assert.equal(c.created_at.getTime(), first);
        assert.equal(c.last_message_at?.getTime(), last);
        assert.ok(first > now - 91 * DAY && c.updated_at.getTime() <= now, 'within the last 90 days');
        if (c.status === 'resolved') assert.ok(c.resolved_at && c.resolved_at.getTime() >= last && c.updated_at.getTime() === c.resolved_at.getTime());
        else assert.equal(c.resolved_at, null);
        // Open waits on an employee, pending on the customer.
        if (c.status === 'open') assert.equal(list.at(-1)?.direction, 'inbound');
        if (c.status === 'pending') assert.equal(list.at(-1)?.direction, 'outbound');
        if (c.assignee_id !== null) assert.ok(agents.has(c.assignee_id));
      }

      const languageOf = new Map(conversations.map((c) => [c.id, byCustomer.get(c.customer_id)?.locale]));
      const spanishWords = /(^|[\s¿¡])(el|la|de|que|mi|por|los|para|con|muy|ya|te|tu|lo|hola|gracias|pedido)\b/i;
      const englishWords = /\b(the|you|my|is|it|to|and|for|your|have|hi|thanks|order)\b/i;
      const matches = (locale: string, re: RegExp) => {
        const texts = messages.filter((m) => languageOf.get(m.conversation_id) === locale).map((m) => m.text);
        return texts.filter((t) => re.test(t)).length / texts.length;
      };
      assert.ok(matches('es', spanishWords) > 0.85, 'Spanish customers get Spanish messages');
      assert.ok(matches('en', englishWords) > 0.85, 'English customers get English messages');
      assert.ok(matches('es', englishWords) < 0.1 && matches('en', spanishWords) < 0.1);
    });

    test('filling a second workspace leaves the first untouched', async () => {
      const first = await createWorkspace(db, { name: 'Primero', slug: 'primero' });
      await generateDemoData(app.ctx, first.id, { customers: 60, seed: 3 });
      const before = await snapshot(db, first.id);
      const firstMessages = await tenantScope(db, first.id).selectFrom('messages').select(['id', 'text', 'created_at']).orderBy('id').execute();

      const second = await createWorkspace(db, { name: 'Segundo', slug: 'segundo' });
      const result = await generateDemoData(app.ctx, second.id, { customers: 80, seed: 3 });

      assert.deepEqual(await snapshot(db, first.id), before);
      assert.deepEqual(await tenantScope(db, first.id).selectFrom('messages').select(['id', 'text', 'created_at']).orderBy('id').execute(), firstMessages);
      assert.equal((await snapshot(db, second.id)).customers, result.customers);
      // Every row of the second workspace points only at rows of the second workspace.
      const strays = await db
        .selectFrom('conversations')
        .innerJoin('employees', 'employees.id', 'conversations.assignee_id')
        .select('conversations.id')
        .where('conversations.workspace_id', '=', second.id)
        .where('employees.workspace_id', '!=', second.id)
        .execute();
      assert.deepEqual(strays, []);
      const secondAgents = await tenantScope(db, second.id).selectFrom('employees').select('email').execute();
      assert.ok(secondAgents.every((e) => e.email.endsWith('@segundo.vinculo.local')));
    });

    test('the same seed gives the same customers in two fresh workspaces; another seed does not', async () => {
      const a = await createWorkspace(db, { name: 'A', slug: 'seed-a' });
      const b = await createWorkspace(db, { name: 'B', slug: 'seed-b' });
      const c = await createWorkspace(db, { name: 'C', slug: 'seed-c' });
      await generateDemoData(app.ctx, a.id, { customers: 50, seed: 2024 });
      await generateDemoData(app.ctx, b.id, { customers: 50, seed: 2024 });
      await generateDemoData(app.ctx, c.id, { customers: 50, seed: 2025 });
      const names = await customerNames(db, a.id);
      assert.equal(names.length, 50);
      assert.deepEqual(await customerNames(db, b.id), names);
      assert.notDeepEqual(await customerNames(db, c.id), names);
    });

    test('running again in the same workspace reuses its agents and keeps identities unique', async () => {
      const ws = await createWorkspace(db, { name: 'Otra vez', slug: 'otra-vez' });
      await generateDemoData(app.ctx, ws.id, { customers: 30, seed: 9 });
      const again = await generateDemoData(app.ctx, ws.id, { customers: 30, seed: 9 });
      assert.equal(again.employees, 0);
      const stored = await snapshot(db, ws.id);
      assert.equal(stored.customers, 60);
      assert.equal(stored.identities, 60);
      assert.equal(stored.agents, 5);
      assert.equal(stored.teams, 2);
    });

    test('rejects a bad customer count and an unknown workspace', async () => {
      const ws = await createWorkspace(db, { name: 'Mal', slug: 'mal' });
      for (const customers of [-1, 1.5, Number.NaN]) {
        await assert.rejects(generateDemoData(app.ctx, ws.id, { customers }), (err) => err instanceof AppError && err.code === 'validation_failed');
      }
      await assert.rejects(
        generateDemoData(app.ctx, '00000000-0000-4000-8000-000000000000', { customers: 1 }),
        (err) => err instanceof AppError && err.code === 'not_found',
      );
    });

    test('the first start with VINCULO_DEMO fills the demo workspace, once', async () => {
      const fresh = await createTestApp(backend, { VINCULO_DEMO: 'true' });
      try {
        const first = await ensureFirstWorkspace(fresh.ctx);
        assert.ok(first);
        const stored = await snapshot(fresh.ctx.db, first.workspaceId);
        assert.equal(stored.customers, 40);
        assert.equal(stored.agents, 5);
        const admin = await tenantScope(fresh.ctx.db, first.workspaceId).selectFrom('employees').select('role').where('email', '=', first.adminEmail).executeTakeFirst();
        assert.equal(admin?.role, 'admin');
        assert.equal(await ensureFirstWorkspace(fresh.ctx), null, 'only once');
      } finally {
        await fresh.teardown();
      }
    });
  });
}
