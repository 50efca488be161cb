import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { call, createTenant, login, PASSWORD, startConversation, visitor, type Session, type Tenant } from './support/api-client.ts';
import { waitFor } from './support/wait-for.ts';

// Templates an employee keeps pasting; {name} and {order} change per customer.
const REFUND_ES =
  'Hola {name}, siento mucho las molestias. He revisado tu pedido {order} y ya hemos emitido el reembolso; lo verás en tu cuenta en un plazo de 3 a 5 días hábiles. Un saludo.';
const REFUND_EN =
  'Hi {name}, I am sorry for the trouble. I have checked your order {order} and issued a full refund; you will see it on your statement within 3 to 5 business days. Best regards.';
const fill = (t: string, name: string, order: string) => t.replaceAll('{name}', name).replaceAll('{order}', order);

for (const backend of backends()) {
  describe(`Guard against canned replies (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    let beta: Tenant;

    before(async () => {
      app = await createTestApp(backend);
      acme = await createTenant(app, 'Acme');
      beta = await createTenant(app, 'Beta');
    });
    after(async () => {
      await app.teardown();
    });

    const employee = async (tenant: Tenant, name: string, role: 'agent' | 'manager', locale: 'es' | 'en' = 'es'): Promise<Session> => {
      const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
      const res = await call(app, 'POST', '/api/employees', { session: tenant.admin, body: { email, name, role, password: PASSWORD, locale } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return login(app, email);
    };

    // A customer who wrote in through the widget, with an optional profile.
    const customer = async (tenant: Tenant, name: string | null, opts: { attributes?: Record<string, string>; says?: string } = {}) => {
      const v = await visitor(app, tenant.publicKey, name ? { name } : {});
      const started = await startConversation(app, v, opts.says ?? 'Hola, tengo un problema con mi pedido');
      if (opts.attributes) {
        const res = await call(app, 'PATCH', `/api/customers/${v.customerId}`, { session: tenant.admin, body: { attributes: opts.attributes } });
        assert.equal(res.status, 200);
      }
      return { customerId: v.customerId, conversationId: started.conversation.id };
    };

    const fingerprinted = (messageId: string) => app.ctx.db.selectFrom('reply_fingerprints').selectAll().where('message_id', '=', messageId).executeTakeFirst();
    const snippetUse = (messageId: string) => app.ctx.db.selectFrom('snippet_uses').selectAll().where('message_id', '=', messageId).executeTakeFirst();

    // Sends and waits until the listener has judged it (and recorded the snippet use).
    const reply = async (session: Session, conversationId: string, text: string, snippetId?: string, expectUse = true) => {
      const res = await call(app, 'POST', `/api/conversations/${conversationId}/messages`, {
        session,
        body: { text, idempotencyKey: randomUUID(), ...(snippetId ? { snippetId } : {}) },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const id = res.body.message.id as string;
      const row = await waitFor(() => fingerprinted(id), 'the reply to be fingerprinted');
      if (snippetId && expectUse) await waitFor(() => snippetUse(id), 'the snippet use');
      return { id, canned: row.canned };
    };

    const check = (session: Session, conversationId: string, text: string) => call(app, 'POST', '/api/replies/check', { session, body: { conversationId, text } });

    test('a reply nearly identical to ones sent to two other customers is flagged, with examples and hints from this customer', async () => {
      const ana = await customer(acme, 'Ana García');
      const luis = await customer(acme, 'Luis Pérez');
      const marta = await customer(acme, 'Marta Gómez', {
        attributes: { plan: 'Premium', lastOrder: 'A-7781' },
        says: 'Me habéis cobrado dos veces la suscripción de marzo y nadie me contesta',
      });
      await reply(acme.admin, ana.conversationId, fill(REFUND_ES, 'Ana', '#A-10234'));
      await reply(acme.admin, luis.conversationId, fill(REFUND_ES, 'Luis Pérez', 'PED-88812'));

      const res = await check(acme.admin, marta.conversationId, fill(REFUND_ES, 'Marta', '4471-2209'));
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.canned, true);
      assert.equal(res.body.sentToOthers, 2);
      assert.ok(res.body.similarity >= 0.9 && res.body.similarity <= 1, `similarity ${res.body.similarity}`);
      assert.equal(res.body.examples.length, 2);
      assert.deepEqual(res.body.examples.map((e: { customerName: string }) => e.customerName).sort(), ['Ana García', 'Luis Pérez']);
      for (const e of res.body.examples) {
        assert.match(e.snippet, /siento mucho las molestias/);
        assert.ok(!Number.isNaN(Date.parse(e.sentAt)));
        assert.ok(e.similarity >= 0.5);
      }
      const kinds = res.body.suggestions.map((s: { kind: string }) => s.kind);
      assert.ok(!kinds.includes('first_name'), 'the reply already says "Marta"');
      const last = res.body.suggestions.find((s: { kind: string }) => s.kind === 'last_message');
      assert.match(last.text, /cobrado dos veces la suscripción/);
      assert.match(last.text, /^Retoma/, "in the employee's language (es)");
      const attrs = res.body.suggestions.filter((s: { kind: string }) => s.kind === 'attribute').map((s: { value: string }) => s.value);
      assert.deepEqual(attrs, ['Premium', 'A-7781']);

      const noName = await check(acme.admin, marta.conversationId, fill(REFUND_ES, '', '4471-2209'));
      assert.equal(noName.body.canned, true);
      assert.deepEqual(noName.body.suggestions[0], { kind: 'first_name', value: 'Marta', text: 'Llama a Marta por su nombre.' });
    });

    test('a genuinely personal reply, and short replies, are not flagged', async () => {
      const marta = await customer(acme, 'Marta Gómez');
      const personal = await check(
        acme.admin,
        marta.conversationId,
        'Marta, he visto que el reembolso se quedó atascado porque la tarjeta estaba caducada. ¿Me pasas un IBAN y te lo hago por transferencia hoy mismo?',
      );
      assert.equal(personal.status, 200);
      assert.deepEqual({ ...personal.body, similarity: undefined }, { canned: false, similarity: undefined, sentToOthers: 0, examples: [], suggestions: [] });
      assert.ok(personal.body.similarity < 0.5);

      const a = await customer(acme, 'Pablo Ortiz');
      const b = await customer(acme, 'Lucía Sanz');
      for (const c of [a, b]) {
        for (const text of ['Gracias', '¡Gracias! Un saludo', 'Lo reviso y te digo']) assert.equal((await reply(acme.admin, c.conversationId, text)).canned, false);
      }
      for (const text of ['Gracias', '¡Gracias! Un saludo', 'Lo reviso y te digo', 'Ok']) {
        const res = await check(acme.admin, marta.conversationId, text);
        assert.deepEqual(res.body, { canned: false, similarity: 0, sentToOthers: 0, examples: [], suggestions: [] }, text);
      }
    });

    test('replies to the same customer do not count', async () => {
      const elena = await customer(acme, 'Elena Vidal');
      const text = 'Hola Elena, te confirmo que hemos cambiado la dirección de entrega de tu pedido. Si necesitas cualquier otra cosa, aquí estamos para ayudarte.';
      await reply(acme.admin, elena.conversationId, text);
      const second = await reply(acme.admin, elena.conversationId, text);
      assert.equal(second.canned, false);
      const res = await check(acme.admin, elena.conversationId, text);
      assert.equal(res.body.canned, false);
      assert.equal(res.body.sentToOthers, 0);
      assert.ok(res.body.similarity === 0, 'the same customer is not even a candidate');

      const other = await customer(acme, 'Raúl Soto');
      const forOther = await check(acme.admin, other.conversationId, text.replace('Elena', 'Raúl'));
      assert.equal(forOther.body.sentToOthers, 2, 'both replies to Elena count for someone else');
    });

    test('English replies: flagged across customers, hints in English for an English-speaking agent', async () => {
      const agent = await employee(acme, 'Olivia Reed', 'agent', 'en');
      const john = await customer(acme, 'John Smith', { says: 'My parcel arrived soaked and the jacket inside is ruined' });
      const emily = await customer(acme, 'Emily Clark');
      const sarah = await customer(acme, 'Sarah Johnson', { says: 'The jacket I ordered for my trip to Scotland arrived with a broken zip' });
      await reply(agent, john.conversationId, fill(REFUND_EN, 'John', '#100234'));
      await reply(acme.admin, emily.conversationId, fill(REFUND_EN, 'Emily Clark', 'ORD-77120'));

      const res = await check(agent, sarah.conversationId, fill(REFUND_EN, 'Sarah', '#330-991').replace('I am sorry', 'I am so sorry'));
      assert.equal(res.body.canned, true);
      assert.equal(res.body.sentToOthers, 2);
      assert.ok(res.body.similarity >= 0.7);
      const last = res.body.suggestions.find((s: { kind: string }) => s.kind === 'last_message');
      assert.match(last.text, /^Pick up on what they wrote/);
      assert.match(last.text, /broken zip/);

      const personal = await check(
        agent,
        sarah.conversationId,
        'Sarah, a broken zip the day before your trip to Scotland is awful. I have refunded it and sent a new jacket by express so it reaches you tomorrow.',
      );
      assert.equal(personal.body.canned, false);
    });

    test("workspaces are isolated: B's replies never count for A, and A cannot touch B's snippets or conversations", async () => {
      const unique = 'Hola {name}, te escribo porque tu suscripción anual se renueva la semana que viene y queríamos ofrecerte el cambio al plan familiar sin coste adicional.';
      const b1 = await customer(beta, 'Nora Beta');
      const b2 = await customer(beta, 'Iker Beta');
      await reply(beta.admin, b1.conversationId, fill(unique, 'Nora', ''));
      await reply(beta.admin, b2.conversationId, fill(unique, 'Iker', ''));
      const inBeta = await customer(beta, 'Sara Beta');
      assert.equal((await check(beta.admin, inBeta.conversationId, fill(unique, 'Sara', ''))).body.sentToOthers, 2);

      const inAcme = await customer(acme, 'Sara Acme');
      const res = await check(acme.admin, inAcme.conversationId, fill(unique, 'Sara', ''));
      assert.equal(res.body.canned, false);
      assert.equal(res.body.sentToOthers, 0);
      assert.equal((await check(acme.admin, b1.conversationId, 'Hola')).status, 404, "B's conversation does not exist for A");

      const snippet = await call(app, 'POST', '/api/snippets', { session: beta.admin, body: { title: 'Renovación', body: 'Hola {firstName}, …', locale: 'es' } });
      assert.equal(snippet.status, 201);
      const id = snippet.body.id as string;
      assert.equal((await call(app, 'GET', `/api/snippets/${id}`, { session: acme.admin })).status, 404);
      assert.equal((await call(app, 'PATCH', `/api/snippets/${id}`, { session: acme.admin, body: { title: 'x' } })).status, 404);
      assert.equal((await call(app, 'DELETE', `/api/snippets/${id}`, { session: acme.admin })).status, 404);
      assert.equal((await call(app, 'POST', `/api/snippets/${id}/fill`, { session: acme.admin, body: { conversationId: inAcme.conversationId } })).status, 404);
      const list = await call(app, 'GET', '/api/snippets', { session: acme.admin });
      assert.ok(list.body.items.every((s: { id: string }) => s.id !== id));

      // Sending A's reply with B's snippet id records no snippet use.
      const sent = await reply(acme.admin, inAcme.conversationId, 'Hola Sara, …', id, false);
      // Batches are written in order: once a later reply is in, the first one is fully handled.
      await reply(acme.admin, inAcme.conversationId, 'Gracias');
      assert.equal(await snippetUse(sent.id), undefined);
    });

    test('snippets: CRUD, roles, and validation errors with the field path', async () => {
      const agent = await employee(acme, 'Diego Agent', 'agent');
      const manager = await employee(acme, 'Irene Manager', 'manager');
      const body = { title: 'Envío retrasado', body: 'Hola {firstName}, soy {agentName}. Tu pedido {lastOrder} sale hoy.', locale: 'es' };

      assert.equal((await call(app, 'POST', '/api/snippets', { session: agent, body })).status, 403);
      const created = await call(app, 'POST', '/api/snippets', { session: manager, body });
      assert.equal(created.status, 201);
      assert.deepEqual(created.body.placeholders, ['firstName', 'agentName', 'lastOrder']);
      assert.equal(created.body.createdBy, manager.employeeId);

      const bad = await call(app, 'POST', '/api/snippets', { session: manager, body: { ...body, body: 'Hola {nombre}, tu {attr.city} {lastOrder}' } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'validation_failed');
      assert.equal(bad.body.error.details[0].path, 'body.body');
      assert.match(bad.body.error.details[0].message, /unknown placeholder \{nombre\}/);

      const many = await call(app, 'POST', '/api/snippets', { session: manager, body: { title: '', body: 'x', locale: 'fr' } });
      assert.equal(many.status, 400);
      assert.deepEqual(many.body.error.details.map((d: { path: string }) => d.path).sort(), ['body.locale', 'body.title']);

      const patchBad = await call(app, 'PATCH', `/api/snippets/${created.body.id}`, { session: manager, body: { body: '{oops}' } });
      assert.equal(patchBad.status, 400);
      assert.equal(patchBad.body.error.details[0].path, 'body.body');
      assert.equal((await call(app, 'PATCH', `/api/snippets/${created.body.id}`, { session: manager, body: {} })).status, 400);
      assert.equal((await call(app, 'PATCH', `/api/snippets/${created.body.id}`, { session: agent, body: { title: 'x' } })).status, 403);

      const patched = await call(app, 'PATCH', `/api/snippets/${created.body.id}`, { session: acme.admin, body: { title: 'Envío con retraso' } });
      assert.equal(patched.status, 200);
      assert.equal(patched.body.title, 'Envío con retraso');
      assert.equal(patched.body.body, body.body);

      const list = await call(app, 'GET', '/api/snippets?locale=es&q=retraso', { session: agent });
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.items.map((s: { id: string }) => s.id), [created.body.id]);
      assert.equal((await call(app, 'GET', '/api/snippets?locale=en&q=retraso', { session: agent })).body.items.length, 0);

      assert.equal((await call(app, 'DELETE', `/api/snippets/${created.body.id}`, { session: agent })).status, 403);
      assert.equal((await call(app, 'DELETE', `/api/snippets/${created.body.id}`, { session: manager })).status, 204);
      assert.equal((await call(app, 'GET', `/api/snippets/${created.body.id}`, { session: agent })).status, 404);
    });

    test("filling a snippet uses the customer's data and leaves visible gaps; unchanged and edited uses are recorded", async () => {
      const agent = await employee(acme, 'Diego Ramos', 'agent');
      const c = await customer(acme, 'Carmen López Ruiz', { attributes: { plan: 'Premium', lastOrder: 'A-7781', city: 'Cádiz' } });
      const snippet = await call(app, 'POST', '/api/snippets', {
        session: acme.admin,
        body: { title: 'Plan', body: 'Hola {firstName} ({name}), soy {agentFirstName}. Tu pedido {lastOrder} del plan {plan} llega a {attr.city}; empresa: {company}.', locale: 'es' },
      });
      const filled = await call(app, 'POST', `/api/snippets/${snippet.body.id}/fill`, { session: agent, body: { conversationId: c.conversationId } });
      assert.equal(filled.status, 200);
      assert.equal(filled.body.text, 'Hola Carmen (Carmen López Ruiz), soy Diego. Tu pedido A-7781 del plan Premium llega a Cádiz; empresa: [[company]].');
      assert.equal(filled.body.complete, false);
      assert.deepEqual(filled.body.gaps.map((g: { placeholder: string }) => g.placeholder), ['company']);
      const gap = filled.body.gaps[0];
      assert.equal(filled.body.text.slice(gap.start, gap.end), '[[company]]');
      assert.equal(filled.body.values.plan, 'Premium');
      assert.equal((await call(app, 'POST', `/api/snippets/${snippet.body.id}/fill`, { session: agent, body: { conversationId: randomUUID() } })).status, 404);

      const unchanged = await reply(agent, c.conversationId, `${filled.body.text}  `, snippet.body.id);
      const edited = await reply(agent, c.conversationId, filled.body.text.replace('[[company]]', 'Talleres Ruiz'), snippet.body.id);
      const u = await snippetUse(unchanged.id);
      const e = await snippetUse(edited.id);
      assert.deepEqual({ unchanged: u?.unchanged, similarity: u?.similarity, employee: u?.employee_id }, { unchanged: true, similarity: 1, employee: agent.employeeId });
      assert.equal(e?.unchanged, false);
      assert.ok(e!.similarity > 0.6 && e!.similarity < 1, `similarity ${e!.similarity}`);
    });

    test('stats: per employee and totals on a constructed history; agents see only themselves', async () => {
      const gamma = await createTenant(app, 'Gamma');
      const ana = await employee(gamma, 'Ana Agent', 'agent');
      const bruno = await employee(gamma, 'Bruno Agent', 'agent');
      const manager = await employee(gamma, 'Maite Manager', 'manager');
      const c1 = await customer(gamma, 'Cliente Uno', { attributes: { plan: 'Básico' } });
      const c2 = await customer(gamma, 'Cliente Dos', { attributes: { plan: 'Premium' } });
      const c3 = await customer(gamma, 'Cliente Tres', { attributes: { plan: 'Pro' } });
      const snippet = await call(app, 'POST', '/api/snippets', {
        session: gamma.admin,
        body: { title: 'Plan', body: 'Hola {firstName}, he revisado tu cuenta y ya tienes activado el plan {plan}; si ves cualquier cosa rara en la próxima factura, respóndeme aquí y lo miro contigo.', locale: 'es' },
      });
      const fillFor = async (s: Session, conversationId: string) =>
        (await call(app, 'POST', `/api/snippets/${snippet.body.id}/fill`, { session: s, body: { conversationId } })).body.text as string;
      const start = new Date();

      // Ana: template (first use), template again (canned), a personal reply, an unchanged snippet.
      assert.equal((await reply(ana, c1.conversationId, fill(REFUND_ES, 'Cliente', '#1'))).canned, false);
      assert.equal((await reply(ana, c2.conversationId, fill(REFUND_ES, 'Cliente', '#2'))).canned, true);
      await reply(ana, c1.conversationId, 'Te he llamado esta mañana pero no contestabas; te vuelvo a llamar a las cinco para cerrar lo del cargo duplicado de marzo.');
      assert.equal((await reply(ana, c2.conversationId, await fillFor(ana, c2.conversationId), snippet.body.id)).canned, false);
      // Bruno: template (canned), the same snippet unchanged (also canned: counted once), the snippet
      // rewritten into a personal reply, a personal reply and a short one.
      assert.equal((await reply(bruno, c3.conversationId, fill(REFUND_ES, 'Cliente', '#3'))).canned, true);
      assert.equal((await reply(bruno, c3.conversationId, await fillFor(bruno, c3.conversationId), snippet.body.id)).canned, true);
      const rewritten = await reply(
        bruno,
        c1.conversationId,
        'Uno, ya está: el plan Básico vuelve a estar activo desde hoy y te he devuelto los 12 € del mes que no pudiste usar por el corte de la fibra en tu calle.',
        snippet.body.id,
      );
      assert.equal(rewritten.canned, false);
      await reply(bruno, c1.conversationId, 'Por cierto, el técnico pasará el jueves entre las nueve y las once para revisar el router del salón, como pediste.');
      await reply(bruno, c1.conversationId, 'Ok');

      const to = new Date(Date.now() + 1000).toISOString();
      const q = `from=${encodeURIComponent(start.toISOString())}&to=${encodeURIComponent(to)}`;
      const res = await call(app, 'GET', `/api/replies/stats?${q}`, { session: manager });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const strip = ({ employeeId: _id, ...rest }: { employeeId: string }) => rest;
      assert.deepEqual(res.body.employees.map(strip), [
        { name: 'Ana Agent', replies: 4, canned: 1, snippetUses: 1, unchangedSnippetUses: 1, impersonal: 2, personalisationRate: 0.5 },
        { name: 'Bruno Agent', replies: 5, canned: 2, snippetUses: 2, unchangedSnippetUses: 1, impersonal: 2, personalisationRate: 0.6 },
      ]);
      assert.deepEqual(res.body.totals, { replies: 9, canned: 3, snippetUses: 3, unchangedSnippetUses: 2, impersonal: 4, personalisationRate: 0.556 });

      const mine = await call(app, 'GET', `/api/replies/stats?${q}&employeeId=${bruno.employeeId}`, { session: ana });
      assert.deepEqual(mine.body.employees.map((e: { employeeId: string }) => e.employeeId), [ana.employeeId], 'an agent sees only themselves');
      assert.equal(mine.body.totals.replies, 4);
      const one = await call(app, 'GET', `/api/replies/stats?${q}&employeeId=${bruno.employeeId}`, { session: gamma.admin });
      assert.equal(one.body.totals.replies, 5);

      const before = await call(app, 'GET', `/api/replies/stats?to=${encodeURIComponent(start.toISOString())}`, { session: manager });
      assert.deepEqual(before.body.totals, { replies: 0, canned: 0, snippetUses: 0, unchangedSnippetUses: 0, impersonal: 0, personalisationRate: null });
      const wrong = await call(app, 'GET', `/api/replies/stats?from=${encodeURIComponent(to)}&to=${encodeURIComponent(start.toISOString())}`, { session: manager });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.details[0].path, 'querystring.to');
      assert.equal((await call(app, 'GET', '/api/replies/stats', { session: acme.admin })).body.employees.some((e: { name: string }) => e.name === 'Ana Agent'), false);
    });

    test('the check validates its input', async () => {
      const res = await call(app, 'POST', '/api/replies/check', { session: acme.admin, body: { conversationId: 'nope', text: 1 } });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path).sort(), ['body.conversationId', 'body.text']);
      assert.equal((await call(app, 'POST', '/api/replies/check', { body: { conversationId: randomUUID(), text: 'x' } })).status, 401);
    });
  });
}
