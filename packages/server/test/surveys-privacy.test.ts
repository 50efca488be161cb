import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sendDueSurveys } from '../src/modules/surveys/survey-schedule.service.ts';
import { addEmployee, call, createTenant, startConversation, visitor, type Session, type Tenant, type Visitor } from './support/api-client.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { waitFor } from './support/wait-for.ts';

for (const backend of backends()) {
  describe(`survey answers follow merges, are exported and erased with the customer (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    let agent: Session;

    // A customer's answered survey: resolved conversation, sent, answered with a score and a comment.
    const answered = async (v: Visitor, csat: number, comment: string) => {
      const { conversation } = await startConversation(app, v, 'Una consulta');
      await call(app, 'PATCH', `/api/conversations/${conversation.id}`, { session: agent, body: { status: 'resolved' } });
      const survey = await waitFor(() => app.ctx.db.selectFrom('surveys').selectAll().where('conversation_id', '=', conversation.id).executeTakeFirst(), 'the survey');
      await sendDueSurveys(app.ctx, new Date(survey.due_at.getTime() + 1000));
      const message = await app.ctx.db.selectFrom('messages').select('text').where('conversation_id', '=', conversation.id).where('author_type', '=', 'system').executeTakeFirstOrThrow();
      const token = /\/s\/([\w-]+\.[\w-]+)/.exec(message.text)![1]!;
      const res = await call(app, 'POST', `/api/widget/surveys/${token}/answers`, { body: { csat, hindered: comment } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return { conversationId: conversation.id, responseId: res.body.id as string };
    };
    const surveyItems = async (customerId: string) =>
      (await call(app, 'GET', `/api/customers/${customerId}/activity?limit=100`, { session: acme.admin })).body.items.filter((i: { kind: string }) => i.kind === 'survey').map((i: { id: string }) => i.id);

    before(async () => {
      app = await createTestApp(backend);
      acme = await createTenant(app, 'Acme');
      agent = await addEmployee(app, acme, 'agent');
      const rules = await call(app, 'PUT', '/api/surveys/settings', { session: acme.admin, body: { delayMinutes: 0, frequencyDays: 0 } });
      assert.equal(rules.status, 200);
    });
    after(() => app.teardown());

    test('a merge moves the answer to the survivor\'s activity with its conversation, and the unmerge takes it back', async () => {
      const survivor = await visitor(app, acme.publicKey);
      const absorbed = await visitor(app, acme.publicKey);
      const a = await answered(absorbed, 4, 'Nada');
      assert.deepEqual(await surveyItems(absorbed.customerId), [a.responseId]);
      const merged = await call(app, 'POST', `/api/customers/${survivor.customerId}/merge`, { session: acme.admin, body: { absorbedId: absorbed.customerId } });
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      await waitFor(async () => ((await surveyItems(survivor.customerId)).includes(a.responseId) ? true : undefined), "the answer on the survivor's activity");
      const unmerged = await call(app, 'POST', `/api/customers/merges/${merged.body.merge.id}/unmerge`, { session: acme.admin, body: {} });
      assert.equal(unmerged.status, 200, JSON.stringify(unmerged.body));
      await waitFor(async () => ((await surveyItems(absorbed.customerId)).includes(a.responseId) ? true : undefined), 'the answer back with its customer');
      assert.deepEqual(await surveyItems(survivor.customerId), []);
    });

    test('the data export carries the answers; erasure removes what the customer wrote, keeps the score, and cancels surveys not yet sent', async () => {
      const v = await visitor(app, acme.publicKey);
      const a = await answered(v, 2, 'La espera, y el trato de Juan Pérez');
      const exit = await call(app, 'POST', `/api/customers/${v.customerId}/exit`, { session: agent, body: { note: 'Llamó muy enfadada', externalId: randomUUID() } });
      assert.equal(exit.status, 201);
      // Scheduled but not sent yet: a long delay.
      await call(app, 'PUT', '/api/surveys/settings', { session: acme.admin, body: { delayMinutes: 600 } });
      const { conversation } = await startConversation(app, v, 'Otra cosa');
      await call(app, 'PATCH', `/api/conversations/${conversation.id}`, { session: agent, body: { status: 'resolved' } });
      const pending = await waitFor(() => app.ctx.db.selectFrom('surveys').selectAll().where('conversation_id', '=', conversation.id).executeTakeFirst(), 'the pending survey');
      await call(app, 'PUT', '/api/surveys/settings', { session: acme.admin, body: { delayMinutes: 0 } });

      const exported = await call(app, 'GET', `/api/customers/${v.customerId}/export`, { session: acme.admin });
      assert.equal(exported.status, 200);
      const data = typeof exported.body === 'string' ? JSON.parse(exported.body) : exported.body;
      assert.equal(data.surveys.answers.length, 1);
      assert.equal(data.surveys.answers[0].answers.hindered, 'La espera, y el trato de Juan Pérez');
      assert.equal(data.surveys.exits[0].note, 'Llamó muy enfadada');

      const erased = await call(app, 'POST', `/api/customers/${v.customerId}/erase`, { session: acme.admin, body: { confirm: true } });
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      const row = await app.ctx.db.selectFrom('survey_responses').selectAll().where('id', '=', a.responseId).executeTakeFirstOrThrow();
      assert.deepEqual(row.answers, {}, 'the comment is gone');
      assert.equal(row.csat, 2, 'the score stays for the figures');
      const exitRow = await app.ctx.db.selectFrom('customer_exits').select('note').where('customer_id', '=', v.customerId).executeTakeFirstOrThrow();
      assert.equal(exitRow.note, null);
      const cancelled = await app.ctx.db.selectFrom('surveys').select(['status', 'skip_reason']).where('id', '=', pending.id).executeTakeFirstOrThrow();
      assert.deepEqual(cancelled, { status: 'skipped', skip_reason: 'erased' });
      await sendDueSurveys(app.ctx, new Date(Date.now() + 24 * 3_600_000));
      const sent = await app.ctx.db.selectFrom('messages').select('id').where('conversation_id', '=', conversation.id).where('author_type', '=', 'system').execute();
      assert.equal(sent.length, 0, 'never sent');
    });
  });
}
