import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { tenantScope } from '../src/platform/db/tenant-scope.ts';
import { signToken } from '../src/platform/security/tokens.ts';
import { scheduleAfterResolution, sendDueSurveys } from '../src/modules/surveys/survey-schedule.service.ts';
import { signSurveyToken } from '../src/modules/surveys/survey-token.ts';
import { addEmployee, call, startConversation, visitor, createTenant, type Session, type Tenant } from './support/api-client.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { waitFor } from './support/wait-for.ts';

const MINUTE = 60_000;

for (const backend of backends()) {
  describe(`customer surveys: rules, sending, the public page, activity and reaction (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    let agent: Session;

    const setRules = async (body: Record<string, unknown>) => {
      const res = await call(app, 'PUT', '/api/surveys/settings', { session: acme.admin, body });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.settings;
    };
    // A widget conversation the agent answered, then resolved by the agent.
    const resolvedConversation = async (extra: Record<string, unknown> = {}) => {
      const v = await visitor(app, acme.publicKey, extra);
      const { conversation } = await startConversation(app, v, 'Hola, no me llega el pedido');
      const reply = await call(app, 'POST', `/api/conversations/${conversation.id}/messages`, { session: agent, body: { text: 'Lo miro ahora mismo', idempotencyKey: randomUUID() } });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      const resolved = await call(app, 'PATCH', `/api/conversations/${conversation.id}`, { session: agent, body: { status: 'resolved' } });
      assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
      return { visitor: v, conversationId: conversation.id as string, resolvedAt: new Date(resolved.body.resolvedAt as string) };
    };
    const surveysOf = (conversationId: string) => app.ctx.db.selectFrom('surveys').selectAll().where('conversation_id', '=', conversationId).execute();
    const scheduledFor = (conversationId: string) => waitFor(async () => (await surveysOf(conversationId))[0], 'the survey to be scheduled');
    const surveyMessages = (conversationId: string) =>
      app.ctx.db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId).where('author_type', '=', 'system').execute();
    // The resolution listener runs after the response: let it finish before asserting nothing was made.
    const settle = () => new Promise((r) => setTimeout(r, 300));
    const tokenIn = (text: string) => {
      const m = /\/s\/([\w-]+\.[\w-]+)/.exec(text);
      assert.ok(m![1]!.length <= 60, 'short enough for an SMS');
      assert.ok(m, `a survey link in: ${text}`);
      return m[1]!;
    };
    // Schedules and sends a survey for a fresh conversation; returns its token.
    const sentSurvey = async (extra: Record<string, unknown> = {}) => {
      const c = await resolvedConversation(extra);
      const survey = await scheduledFor(c.conversationId);
      await sendDueSurveys(app.ctx, new Date(survey.due_at.getTime() + 1000));
      const [message] = await surveyMessages(c.conversationId);
      assert.ok(message, 'the survey message was written');
      return { ...c, survey, token: tokenIn(message.text) };
    };

    before(async () => {
      app = await createTestApp(backend);
      acme = await createTenant(app, 'Acme');
      agent = await addEmployee(app, acme, 'agent');
    });
    after(() => app.teardown());

    test('rules: defaults with the es/en questions; admins change them, with each mistake named; agents may not', async () => {
      const res = await call(app, 'GET', '/api/surveys/settings', { session: acme.admin });
      assert.equal(res.status, 200);
      const { settings } = res.body;
      assert.equal(settings.enabled, true);
      assert.deepEqual(
        settings.questions.map((q: { type: string; text: { en: string } }) => [q.type, q.text.en]),
        [
          ['csat', 'How much did we help you achieve what you needed?'],
          ['open', 'What helped you most?'],
          ['open', 'What got in your way most?'],
        ],
      );
      assert.equal(settings.questions[0].text.es, '¿Cuánto te ayudamos a conseguir lo que necesitabas?');
      assert.deepEqual(settings.lowScore, { csat: 2, nps: 6, ces: 5 });
      assert.deepEqual(res.body.suggestedQuestions.map((q: { type: string }) => q.type), ['nps', 'ces']);

      const twice = await call(app, 'PUT', '/api/surveys/settings', { session: acme.admin, body: { questions: [settings.questions[0], { ...settings.questions[0], id: 'again' }] } });
      assert.equal(twice.status, 400);
      assert.match(twice.body.error.message, /body\.questions\.1\.type: only one csat question per survey/);
      const badDelay = await call(app, 'PUT', '/api/surveys/settings', { session: acme.admin, body: { delayMinutes: -5 } });
      assert.equal(badDelay.status, 400);
      assert.match(badDelay.body.error.message, /delayMinutes/);
      assert.equal((await call(app, 'PUT', '/api/surveys/settings', { session: agent, body: { enabled: false } })).status, 403);
      const saved = await setRules({ delayMinutes: 30, lowScore: { ces: 6 } });
      assert.equal(saved.delayMinutes, 30);
      assert.deepEqual(saved.lowScore, { csat: 2, nps: 6, ces: 6 }, 'a partial lowScore keeps the other thresholds');
      await setRules({ lowScore: { ces: 5 } });
    });

    test('a resolved conversation produces exactly one survey, sent after the delay as a message with a link', async () => {
      await setRules({ delayMinutes: 30, frequencyDays: 30, channels: null });
      const c = await resolvedConversation();
      const survey = await scheduledFor(c.conversationId);
      assert.equal(survey.status, 'scheduled');
      assert.equal(survey.due_at.getTime(), c.resolvedAt.getTime() + 30 * MINUTE, 'due 30 minutes after the resolution');
      assert.deepEqual(survey.employee_ids, [agent.employeeId], 'the employee who answered');

      assert.equal((await sendDueSurveys(app.ctx, new Date(c.resolvedAt.getTime() + 29 * MINUTE)))?.sent ?? 0, 0, 'not before the delay');
      assert.equal((await surveyMessages(c.conversationId)).length, 0);
      const outcome = await sendDueSurveys(app.ctx, new Date(c.resolvedAt.getTime() + 31 * MINUTE));
      assert.ok((outcome?.sent ?? 0) >= 1);
      await sendDueSurveys(app.ctx, new Date(c.resolvedAt.getTime() + 40 * MINUTE));
      const messages = await surveyMessages(c.conversationId);
      assert.equal(messages.length, 1, 'one message, however often the job runs');
      assert.match(messages[0]!.text, /\/s\/[\w-]+\.[\w-]+/);
      assert.equal(messages[0]!.direction, 'outbound');
      const [sent] = await surveysOf(c.conversationId);
      assert.equal(sent!.status, 'sent');
      assert.equal(sent!.message_id, messages[0]!.id);

      // The customer sees it in the widget like any reply.
      const widget = await call(app, 'GET', `/api/widget/conversations/${c.conversationId}/messages`, { headers: { authorization: `Bearer ${c.visitor.token}` } });
      assert.ok(widget.body.items.some((m: { text: string }) => m.text === messages[0]!.text));
      const conv = await call(app, 'GET', `/api/conversations/${c.conversationId}`, { session: agent });
      assert.equal(conv.body.status, 'resolved', 'the survey message does not reopen the conversation');

      // The same resolution delivered twice schedules nothing more; nor does a second resolution within N days.
      const again = await scheduleAfterResolution(tenantScope(app.ctx.db, acme.workspaceId), c.conversationId);
      assert.equal(again.scheduled, false);
      assert.equal((await surveysOf(c.conversationId)).length, 1);
    });

    test('a customer who writes again before the survey leaves is not interrupted; resolved again, the survey moves after it', async () => {
      await setRules({ delayMinutes: 30, frequencyDays: 30, channels: null });
      const write = (c: { visitor: { token: string }; conversationId: string }, text: string) =>
        call(app, 'POST', `/api/widget/conversations/${c.conversationId}/messages`, { headers: { authorization: `Bearer ${c.visitor.token}` }, body: { text, idempotencyKey: randomUUID() } });
      const resolve = async (conversationId: string) => new Date((await call(app, 'PATCH', `/api/conversations/${conversationId}`, { session: agent, body: { status: 'resolved' } })).body.resolvedAt);

      // Reopened and still open when the survey is due: skipped; the next resolution schedules a fresh one.
      const a = await resolvedConversation();
      const first = await scheduledFor(a.conversationId);
      assert.equal((await write(a, 'Perdona, una cosa más')).status, 201);
      await sendDueSurveys(app.ctx, new Date(first.due_at.getTime() + 1000));
      assert.equal((await surveyMessages(a.conversationId)).length, 0, 'not sent into an open conversation');
      assert.equal((await surveysOf(a.conversationId))[0]!.skip_reason, 'reopened');
      const again = await resolve(a.conversationId);
      const fresh = await waitFor(async () => (await surveysOf(a.conversationId)).find((x) => x.status === 'scheduled'), 'a fresh survey');
      assert.equal(fresh.due_at.getTime(), again.getTime() + 30 * MINUTE);

      // Reopened and resolved again before it was due: the same survey, moved after the last resolution.
      const b = await resolvedConversation();
      const pending = await scheduledFor(b.conversationId);
      await write(b, 'Otra duda');
      const later = await resolve(b.conversationId);
      await waitFor(async () => ((await surveysOf(b.conversationId))[0]!.due_at.getTime() === later.getTime() + 30 * MINUTE ? true : undefined), 'the survey moved');
      const rows = await surveysOf(b.conversationId);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.id, pending.id);
    });

    test("the survey speaks the customer's language: their locale, else the language they wrote in", async () => {
      await setRules({ delayMinutes: 0, frequencyDays: 0, channels: null });
      const v = await visitor(app, acme.publicKey);
      const { conversation } = await startConversation(app, v, 'Hello, my order has not arrived yet and I really need it for tomorrow, can you help me?');
      await call(app, 'PATCH', `/api/conversations/${conversation.id}`, { session: agent, body: { status: 'resolved' } });
      const survey = await scheduledFor(conversation.id);
      assert.equal(survey.locale, 'en', 'no locale on the customer: the language of their message');
      await sendDueSurveys(app.ctx, new Date(survey.due_at.getTime() + 1000));
      assert.match((await surveyMessages(conversation.id))[0]!.text, /^Will you help us improve\?/);
      const es = await resolvedConversation({ locale: 'es' });
      assert.equal((await scheduledFor(es.conversationId)).locale, 'es');
    });

    test('frequency: at most one survey per customer per N days; 0 days lifts the limit', async () => {
      await setRules({ delayMinutes: 0, frequencyDays: 7 });
      const v = await visitor(app, acme.publicKey);
      const first = await startConversation(app, v, 'Primera consulta');
      await call(app, 'PATCH', `/api/conversations/${first.conversation.id}`, { session: agent, body: { status: 'resolved' } });
      await scheduledFor(first.conversation.id);
      const second = await startConversation(app, v, 'Segunda consulta');
      await call(app, 'PATCH', `/api/conversations/${second.conversation.id}`, { session: agent, body: { status: 'resolved' } });
      await settle();
      assert.equal((await surveysOf(second.conversation.id)).length, 0, 'the same customer within 7 days');
      const scope = tenantScope(app.ctx.db, acme.workspaceId);
      assert.deepEqual(await scheduleAfterResolution(scope, second.conversation.id), { scheduled: false, reason: 'frequency' });
      await setRules({ frequencyDays: 0 });
      assert.equal((await scheduleAfterResolution(scope, second.conversation.id)).scheduled, true);
      assert.deepEqual(await scheduleAfterResolution(scope, second.conversation.id), { scheduled: false, reason: 'duplicate' }, 'one per resolution');
      await setRules({ frequencyDays: 30 });
    });

    test('consent: a customer who refused surveys gets none, even when they refuse after it was scheduled', async () => {
      await setRules({ delayMinutes: 30, frequencyDays: 0 });
      const v = await visitor(app, acme.publicKey);
      assert.equal((await call(app, 'PUT', `/api/customers/${v.customerId}/consent`, { session: agent, body: { surveys: false, source: 'phone' } })).status, 200);
      const { conversation } = await startConversation(app, v, 'Hola');
      await call(app, 'PATCH', `/api/conversations/${conversation.id}`, { session: agent, body: { status: 'resolved' } });
      await settle();
      assert.equal((await surveysOf(conversation.id)).length, 0);

      const c = await resolvedConversation();
      const survey = await scheduledFor(c.conversationId);
      await call(app, 'PUT', `/api/customers/${c.visitor.customerId}/consent`, { session: agent, body: { surveys: false } });
      await sendDueSurveys(app.ctx, new Date(survey.due_at.getTime() + 1000));
      assert.equal((await surveyMessages(c.conversationId)).length, 0, 'nothing is sent');
      const [skipped] = await surveysOf(c.conversationId);
      assert.equal(skipped!.status, 'skipped');
      assert.equal(skipped!.skip_reason, 'no_consent');
    });

    test('the customer can say "no more surveys" on the page: stored as their consent, and honoured from then on', async () => {
      await setRules({ delayMinutes: 0, frequencyDays: 0, channels: null });
      const s = await sentSurvey();
      const page = await app.server.inject({ method: 'GET', url: `/s/${s.token}?lang=es` });
      assert.match(page.body, /No quiero recibir más encuestas/);
      const ok = await app.server.inject({ method: 'POST', url: `/s/${s.token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'csat=5&stop=yes' });
      assert.equal(ok.statusCode, 200, ok.body);
      const customer = await call(app, 'GET', `/api/customers/${s.visitor.customerId}`, { session: agent });
      assert.equal(customer.body.consent.surveys.granted, false);
      assert.equal(customer.body.consent.surveys.source, 'survey page');
      const { conversation } = await startConversation(app, s.visitor, 'Otra pregunta');
      await call(app, 'PATCH', `/api/conversations/${conversation.id}`, { session: agent, body: { status: 'resolved' } });
      await settle();
      assert.equal((await surveysOf(conversation.id)).length, 0, 'no survey after saying no');
      // The JSON API takes the same wish.
      const j = await sentSurvey();
      assert.equal((await call(app, 'POST', `/api/widget/surveys/${j.token}/answers`, { body: { csat: 4, stopSurveys: true } })).status, 201);
      assert.equal((await call(app, 'GET', `/api/customers/${j.visitor.customerId}`, { session: agent })).body.consent.surveys.granted, false);
    });

    test('channels and the switch: only the chosen channels get surveys, and none when disabled', async () => {
      await setRules({ channels: ['email'], frequencyDays: 0 });
      const c = await resolvedConversation();
      await settle();
      assert.equal((await surveysOf(c.conversationId)).length, 0, 'a widget conversation with only e-mail chosen');
      await setRules({ channels: ['web', 'email'] });
      const d = await resolvedConversation();
      await scheduledFor(d.conversationId);
      await setRules({ enabled: false });
      const e = await resolvedConversation();
      await settle();
      assert.equal((await surveysOf(e.conversationId)).length, 0, 'disabled');
      await setRules({ enabled: true, channels: null });
    });

    test('the public page: in the customer\'s language, one answer per token; forged, expired and reused links are clear errors', async () => {
      await setRules({ delayMinutes: 0, frequencyDays: 0 });
      const s = await sentSurvey({ locale: 'en' });
      const page = await app.server.inject({ method: 'GET', url: `/s/${s.token}`, headers: { 'accept-language': 'es-ES,es;q=0.9' } });
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['content-type'] as string, /text\/html/);
      assert.match(page.body, /How much did we help you achieve what you needed\?/, "the customer's own language wins over the browser's");
      assert.match(page.body, /name="viewport"/);
      assert.match(page.body, /<form method="post"/);
      const es = await app.server.inject({ method: 'GET', url: `/s/${s.token}?lang=es` });
      assert.match(es.body, /¿Cuánto te ayudamos a conseguir lo que necesitabas\?/);

      // Forged: a changed payload, or a token signed with another secret, or a visitor token.
      // Forged: a later expiry under the same signature, another secret's signature, a visitor token, a signature cut short.
      const [body, mac] = s.token.split('.');
      const bytes = Buffer.from(body!, 'base64url');
      bytes.writeUInt32BE(4102444800, 16);
      const laterExpiry = `${bytes.toString('base64url')}.${mac}`;
      const otherSecret = signSurveyToken('another-secret-another-secret-xx', { surveyId: s.survey.id, expiresAt: new Date(Date.now() + MINUTE) });
      for (const forged of [laterExpiry, otherSecret, signToken(app.ctx.secret, { s: s.survey.id }), `${body}.${mac!.slice(0, -2)}`]) {
        const html = await app.server.inject({ method: 'GET', url: `/s/${forged}`, headers: { 'accept-language': 'en' } });
        assert.equal(html.statusCode, 403);
        assert.match(html.body, /This survey link is not valid/);
        const json = await call(app, 'POST', `/api/widget/surveys/${forged}/answers`, { body: { csat: 5 } });
        assert.equal(json.status, 403);
        assert.equal(json.body.error.code, 'forbidden');
      }
      // Expired: correctly signed, past its time.
      const expired = signSurveyToken(app.ctx.secret, { surveyId: s.survey.id, expiresAt: new Date(Date.now() - 1000) });
      const gone = await app.server.inject({ method: 'GET', url: `/s/${expired}`, headers: { 'accept-language': 'es' } });
      assert.equal(gone.statusCode, 410);
      assert.match(gone.body, /ha caducado/);
      assert.equal((await call(app, 'POST', `/api/widget/surveys/${expired}/answers`, { body: { csat: 5 } })).body.error.code, 'gone');

      // A wrong answer is a 400 naming it, and does not use up the token.
      const wrong = await app.server.inject({ method: 'POST', url: `/s/${s.token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'csat=9&helped=Rapidez' });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /must be a whole number from 1 to 5/);
      assert.match(wrong.body, /Rapidez/, 'what was typed is kept');
      const unknown = await call(app, 'POST', `/api/widget/surveys/${s.token}/answers`, { body: { csat: 4, favourite: 'x' } });
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.error.message, /body\.favourite: is not a question of this survey/);

      const ok = await app.server.inject({
        method: 'POST',
        url: `/s/${s.token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ csat: '4', helped: 'La rapidez', hindered: '' }).toString(),
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.match(ok.body, /Thank you!/);
      const reused = await app.server.inject({ method: 'POST', url: `/s/${s.token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'csat=1' });
      assert.equal(reused.statusCode, 409);
      assert.match(reused.body, /already been answered/);
      const reusedJson = await call(app, 'POST', `/api/widget/surveys/${s.token}/answers`, { body: { csat: 1 } });
      assert.equal(reusedJson.status, 409);
      assert.equal((await app.server.inject({ method: 'GET', url: `/s/${s.token}` })).statusCode, 409);
      const stored = await app.ctx.db.selectFrom('survey_responses').selectAll().where('survey_id', '=', s.survey.id).execute();
      assert.equal(stored.length, 1);
      assert.equal(stored[0]!.csat, 4);
      assert.deepEqual(stored[0]!.answers, { helped: 'La rapidez' });
    });

    test('an answer shows on the customer\'s activity with its conversation and employees, and in the answers list', async () => {
      await setRules({ delayMinutes: 0, frequencyDays: 0 });
      const s = await sentSurvey();
      const res = await call(app, 'POST', `/api/widget/surveys/${s.token}/answers`, { body: { csat: 5, helped: 'Muy amables' } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.low, false);
      const activity = await call(app, 'GET', `/api/customers/${s.visitor.customerId}/activity?limit=50`, { session: agent });
      assert.equal(activity.status, 200);
      const item = activity.body.items.find((i: { kind: string }) => i.kind === 'survey');
      assert.ok(item, 'a survey item');
      assert.equal(item.id, res.body.id);
      assert.equal(item.data.conversationId, s.conversationId);
      assert.deepEqual(item.data.employeeIds, [agent.employeeId]);
      assert.deepEqual(item.data.scores, { csat: 5, nps: null, ces: null });
      assert.deepEqual(item.data.answers, { helped: 'Muy amables' });
      assert.equal(activity.body.items[0].kind, 'survey', 'newest first');

      const byEmployee = await call(app, 'GET', `/api/surveys/responses?employeeId=${agent.employeeId}&conversationId=${s.conversationId}`, { session: agent });
      assert.equal(byEmployee.status, 200);
      assert.equal(byEmployee.body.items.length, 1);
      assert.equal(byEmployee.body.items[0].channel, 'web');
      assert.equal((await call(app, 'GET', `/api/surveys/responses?employeeId=${acme.admin.employeeId}&conversationId=${s.conversationId}`, { session: agent })).body.items.length, 0);
    });

    test('a low score raises a reaction suggestion for a person; a good one does not', async () => {
      await setRules({ delayMinutes: 0, frequencyDays: 0 });
      const suggestionsOf = (customerId: string) =>
        app.ctx.db
          .selectFrom('suggestions')
          .innerJoin('playbooks', 'playbooks.id', 'suggestions.playbook_id')
          .select(['suggestions.id', 'suggestions.reason', 'suggestions.conversation_id', 'suggestions.trigger_message_id', 'suggestions.actions', 'playbooks.key'])
          .where('suggestions.customer_id', '=', customerId)
          .execute();
      const good = await sentSurvey();
      assert.equal((await call(app, 'POST', `/api/widget/surveys/${good.token}/answers`, { body: { csat: 3 } })).body.low, false);
      const bad = await sentSurvey();
      const res = await call(app, 'POST', `/api/widget/surveys/${bad.token}/answers`, { body: { csat: 2, hindered: 'Tardasteis tres días' } });
      assert.equal(res.body.low, true, 'CSAT 2 is low by default (≤ 2)');
      const [suggestion] = await waitFor(async () => {
        const rows = await suggestionsOf(bad.visitor.customerId);
        return rows.length ? rows : undefined;
      }, 'a suggestion');
      assert.equal(suggestion!.key, 'low-survey-score');
      assert.equal(suggestion!.conversation_id, bad.conversationId);
      assert.equal(suggestion!.trigger_message_id, (await surveysOf(bad.conversationId))[0]!.message_id, 'anchored on the survey message');
      assert.deepEqual(suggestion!.reason, [{ kind: 'survey', score: 2, metric: 'csat' }]);
      assert.ok((suggestion!.actions as Array<{ type: string }>).some((a) => a.type === 'personal_call'));
      const listed = await call(app, 'GET', `/api/suggestions?status=open&customerId=${bad.visitor.customerId}`, { session: acme.admin });
      assert.equal(listed.status, 200, JSON.stringify(listed.body));
      assert.ok(JSON.stringify(listed.body).includes(suggestion!.id), 'a person sees it in the suggestions');
      await settle();
      assert.equal((await suggestionsOf(good.visitor.customerId)).length, 0, 'CSAT 3 raises nothing');
    });

    test('thresholds are the workspace\'s: NPS ≤ 6 and CES ≥ 5 are low by default, and configurable', async () => {
      const base = (await call(app, 'GET', '/api/surveys/settings', { session: acme.admin })).body.settings;
      const nps = { id: 'nps', type: 'nps', required: false, text: { es: '¿Nos recomendarías?', en: 'Would you recommend us?' } };
      const ces = { id: 'ces', type: 'ces', required: false, text: { es: '¿Cuánto esfuerzo?', en: 'How much effort?' } };
      await setRules({ delayMinutes: 0, frequencyDays: 0, questions: [...base.questions, nps, ces] });
      const answer = async (body: Record<string, number>) => (await call(app, 'POST', `/api/widget/surveys/${(await sentSurvey()).token}/answers`, { body })).body.low;
      assert.equal(await answer({ csat: 5, nps: 6 }), true);
      assert.equal(await answer({ csat: 5, nps: 7 }), false);
      assert.equal(await answer({ csat: 5, ces: 5 }), true);
      assert.equal(await answer({ csat: 5, ces: 4 }), false);
      await setRules({ lowScore: { nps: 4 } });
      assert.equal(await answer({ csat: 5, nps: 6 }), false, 'NPS 6 is no longer low with the threshold at 4');
      const outOfScale = await call(app, 'POST', `/api/widget/surveys/${(await sentSurvey()).token}/answers`, { body: { csat: 5, ces: 8 } });
      assert.equal(outOfScale.status, 400);
      assert.match(outOfScale.body.error.message, /body\.ces: must be a whole number from 1 to 7/);
      await setRules({ questions: base.questions, lowScore: { nps: 6 } });
    });
  });
}
