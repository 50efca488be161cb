import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { answerSentiment, messageSentiment } from '../src/modules/topics/topic-documents.ts';
import { purgeTopicSnapshots } from '../src/modules/topics/topic.service.ts';
import { groupTopics } from '../src/modules/topics/topic-grouping.ts';
import { periodOf, periodsBetween } from '../src/modules/topics/topic-snapshot.ts';
import { guessLanguage, phrasesOf, stem, type TopicLanguage } from '../src/modules/topics/topic-text.ts';
import { call, createTenant, type Tenant } from './support/api-client.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { emotionOf, ENGLISH_MESSAGES, seedVoice, SPANISH_ANSWERS, type Seeded } from './support/voice-fixtures.ts';

const groupsOf = (texts: string[], lang: TopicLanguage) =>
  groupTopics(texts.map((t, i) => ({ id: String(i + 1), phrases: phrasesOf(t, lang) })), { minMentions: 2, maxTopics: 20 }).map((g) => ({ key: g.key, docs: g.docIds.map(Number) }));

describe('topic extraction (no database)', () => {
  test('light stemming and accent folding bring plural, gender and tense together', () => {
    assert.deepEqual(['entregas', 'entrega', 'retrasos', 'precios', 'caro', 'cara', 'atenciones', 'luces'].map((w) => stem(w, 'es')), ['entreg', 'entreg', 'retras', 'preci', 'car', 'car', 'atencion', 'luz']);
    assert.deepEqual(['deliveries', 'delivery', 'delays', 'delayed', 'shipping', 'prices', 'pricing', 'refunds'].map((w) => stem(w, 'en')), ['delivery', 'delivery', 'delay', 'delay', 'ship', 'pric', 'pric', 'refund']);
    // "atención" and "atencion" are one word once folded.
    assert.deepEqual(phrasesOf('Atención rápida', 'es').map((p) => p.stems), phrasesOf('atencion rapida', 'es').map((p) => p.stems));
  });

  test('key phrases are runs of content words between stop words and punctuation, with their sub-phrases', () => {
    assert.deepEqual(phrasesOf('El pedido llegó con retraso, la entrega tardó una semana.', 'es').map((p) => p.surface), ['pedido', 'retraso', 'entrega', 'tardó', 'entrega tardó', 'semana']);
    assert.deepEqual(phrasesOf('Phone support solved it in minutes.', 'en').map((p) => p.surface), ['phone', 'support', 'solved', 'phone support', 'support solved', 'phone support solved', 'minutes']);
    assert.equal(guessLanguage('El pedido no llegó a tiempo'), 'es');
    assert.equal(guessLanguage('The order did not arrive on time'), 'en');
    assert.equal(guessLanguage('ok'), null);
  });

  test('Spanish comments: delivery delays, prices and staff attention (hand-checked groups)', () => {
    // entrega (2, 3, 4) and retraso (1, 2, 3) share half their comments: one topic. "caro" is always said with "precio".
    assert.deepEqual(groupsOf(SPANISH_ANSWERS.map((a) => a.text), 'es'), [
      { key: 'entreg', docs: [1, 2, 3, 4] },
      { key: 'atencion', docs: [8, 9, 10] },
      { key: 'preci', docs: [5, 6, 7] },
    ]);
  });

  test('English comments: delivery, refunds and phone support, plus "late" and "order" that stay apart (hand-checked)', () => {
    // "late" (1, 4) and "order" (1, 3) share one comment each with delivery (2, 3, 4): too little to join it.
    assert.deepEqual(groupsOf(ENGLISH_MESSAGES.map((m) => m.text), 'en'), [
      { key: 'delivery', docs: [2, 3, 4] },
      { key: 'refund', docs: [5, 6, 7] },
      { key: 'support', docs: [8, 9, 10] },
      { key: 'late', docs: [1, 4] },
      { key: 'order', docs: [1, 3] },
    ]);
  });

  test('sentiment of a text: scores mapped onto −1…1, an employee correction beats the engine', () => {
    assert.equal(answerSentiment({ csat: 1, nps: null, ces: null }), -1);
    assert.equal(answerSentiment({ csat: 4, nps: null, ces: null }), 0.5);
    // NPS 6 is a detractor: (6 − 7.5) / 2.5 = −0.6; CES 7 is the most effort: −1; mean −0.8.
    assert.equal(answerSentiment({ csat: null, nps: 6, ces: 7 }), -0.8);
    assert.equal(answerSentiment({ csat: null, nps: null, ces: null }), null);
    assert.equal(messageSentiment(emotionOf(0.7, 'en')), 0.7);
    assert.equal(messageSentiment(emotionOf(0.7, 'en', 'negative')), -1);
    assert.equal(messageSentiment(null), null);
  });

  test('periods: weeks start on Monday (UTC), months are whole', () => {
    assert.equal(periodOf('2026-03-08T23:00:00Z', 'week'), '2026-03-02');
    assert.equal(periodOf('2026-03-09T00:00:00Z', 'week'), '2026-03-09');
    assert.deepEqual(periodsBetween('2026-03-04', '2026-03-15', 'week'), ['2026-03-02', '2026-03-09']);
    assert.deepEqual(periodsBetween('2026-01-31', '2026-03-01', 'month'), ['2026-01', '2026-02', '2026-03']);
  });
});

type Topic = { id: string; language: string; label: string; mentions: number; sources: { messages: number; answers: number }; sentiment: { average: number | null; label: string; negative: number; neutral: number; positive: number }; quotes: Array<{ text: string }> };

for (const backend of backends()) {
  describe(`topics API (${backend})`, () => {
    let app: TestApp;
    let t: Tenant;
    let other: Tenant;
    let seeded: Seeded;
    let teams: { spanish: string; english: string };

    before(async () => {
      app = await createTestApp(backend);
      t = await createTenant(app, 'Voice');
      other = await createTenant(app, 'Elsewhere');
      const team = async (name: string) => (await call(app, 'POST', '/api/teams', { session: t.admin, body: { name } })).body.id as string;
      teams = { spanish: await team('Soporte'), english: await team('Support') };
      const agent = await call(app, 'POST', '/api/employees', { session: t.admin, body: { email: `ines-${Date.now()}@example.test`, name: 'Inés', role: 'agent', password: 'correct horse battery', teamId: teams.spanish } });
      assert.equal(agent.status, 201, JSON.stringify(agent.body));
      seeded = await seedVoice(app, t.workspaceId, { spanishAssignee: agent.body.id, englishTeam: teams.english });
      // The other workspace has the same words: none of it may show here.
      await seedVoice(app, other.workspaceId, { spanishAssignee: null, englishTeam: null });
    });
    after(() => app.teardown());

    const get = async (url: string, tenant = t) => {
      const res = await call(app, 'GET', url, { session: tenant.admin });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    const period = 'from=2026-03-02&to=2026-03-15';

    test('topics per language with mentions, sentiment and quotes', async () => {
      const body = await get(`/api/topics?${period}`);
      assert.deepEqual(body.documents, { messages: 11, answers: 11, sampled: false, limitPerSource: 2000 });
      const byId = new Map((body.topics as Topic[]).map((x) => [x.id, x]));
      assert.deepEqual([...byId.keys()].sort(), ['en:delivery', 'en:late', 'en:order', 'en:refund', 'en:support', 'es:atencion', 'es:entreg', 'es:preci']);
      const entrega = byId.get('es:entreg')!;
      // CSAT 1, 2, 1, 3 → −1, −0.5, −1, 0: mean −0.625, shown −0.62 (rounded half up); three negative, one neutral.
      assert.deepEqual(entrega.sentiment, { average: -0.62, label: 'negative', negative: 3, neutral: 1, positive: 0 });
      assert.deepEqual(entrega.sources, { messages: 0, answers: 4 });
      assert.equal(entrega.quotes.length, 3);
      assert.ok(entrega.quotes.every((q) => SPANISH_ANSWERS.slice(0, 3).some((a) => a.text === q.text)), 'quotes of a negative topic are its negative texts');
      // CSAT 2, 2, 4 → −0.5, −0.5, 0.5: mean −0.17, neutral.
      assert.deepEqual(byId.get('es:preci')!.sentiment, { average: -0.17, label: 'neutral', negative: 2, neutral: 0, positive: 1 });
      assert.equal(byId.get('es:atencion')!.sentiment.label, 'positive');
      // Support: 0.8, 0.6 and a correction to negative (−1): mean 0.13.
      assert.deepEqual(byId.get('en:support')!.sentiment, { average: 0.13, label: 'neutral', negative: 1, neutral: 0, positive: 2 });
      // Delivery: −0.5, −0.8, −0.4.
      assert.deepEqual(byId.get('en:delivery')!.sentiment, { average: -0.57, label: 'negative', negative: 3, neutral: 0, positive: 0 });
    });

    test('filters: language, source and team (the conversation team, else the assignee team)', async () => {
      const ids = async (q: string) => ((await get(`/api/topics?${period}&${q}`)).topics as Topic[]).map((x) => x.id).sort();
      assert.deepEqual(await ids('language=es'), ['es:atencion', 'es:entreg', 'es:preci']);
      assert.deepEqual(await ids('source=surveys'), ['es:atencion', 'es:entreg', 'es:preci']);
      assert.deepEqual(await ids('source=messages'), ['en:delivery', 'en:late', 'en:order', 'en:refund', 'en:support']);
      assert.deepEqual(await ids(`teamId=${teams.spanish}`), ['es:atencion', 'es:entreg', 'es:preci']);
      assert.deepEqual(await ids(`teamId=${teams.english}&language=en`), ['en:delivery', 'en:late', 'en:order', 'en:refund', 'en:support']);
      const week = ((await get('/api/topics?from=2026-03-09&to=2026-03-15&language=es')).topics as Topic[]).map((x) => x.id).sort();
      assert.deepEqual(week, ['es:atencion', 'es:entreg', 'es:preci'], 'the second week alone: entrega ×2, precio ×2, atención ×2');
    });

    test('a topic lists its mentions, each linking to its answer or conversation', async () => {
      const body = await get(`/api/topics/${encodeURIComponent('es:entreg')}?${period}`);
      assert.equal(body.label, 'entrega');
      assert.deepEqual(body.mentionList.map((m: { id: string }) => m.id), [seeded.answerIds[3], seeded.answerIds[2], seeded.answerIds[1], seeded.answerIds[0]], 'newest first');
      const first = body.mentionList[0];
      assert.equal(first.source, 'answer');
      assert.equal(first.conversationId, seeded.conversationIds.spanish);
      assert.ok(first.surveyId);
      const en = await get(`/api/topics/en:refund?${period}`);
      assert.ok(en.mentionList.every((m: { source: string; conversationId: string }) => m.source === 'message' && m.conversationId === seeded.conversationIds.english));
      const missing = await call(app, 'GET', `/api/topics/es:nada?${period}`, { session: t.admin });
      assert.equal(missing.status, 404);
    });

    test('the trend of negative topic mentions by week', async () => {
      const body = await get(`/api/topics/trend?${period}&language=es&interval=week`);
      // Week of 2 March: entrega ×2 (both negative), precio (negative), atención (positive) → 3 of 4.
      // Week of 9 March: entrega ×2 (one negative), precio ×2 (one negative), atención ×2 → 2 of 6.
      assert.deepEqual(body.periods, [
        { period: '2026-03-02', mentions: 4, negative: 3, negativeShare: 75 },
        { period: '2026-03-09', mentions: 6, negative: 2, negativeShare: 33.3 },
      ]);
      assert.deepEqual(body.topics.map((x: { id: string }) => x.id), ['es:entreg'], 'the only negative topic in Spanish');
      assert.deepEqual(body.topics[0].points, [
        { period: '2026-03-02', mentions: 2, negative: 2 },
        { period: '2026-03-09', mentions: 2, negative: 1 },
      ]);
      const monthly = await get(`/api/topics/trend?${period}&interval=month`);
      assert.deepEqual(monthly.periods.map((p: { period: string }) => p.period), ['2026-03']);
      // Spanish 5 of 10, English: delivery 3, refund 3, support 1 (corrected), late 2, order 2 negative of 3+3+3+2+2.
      assert.deepEqual(monthly.periods[0], { period: '2026-03', mentions: 23, negative: 16, negativeShare: 69.6 });
    });

    test('results are cached for 10 minutes; refresh=true computes again', async () => {
      const first = await get(`/api/topics?${period}&language=en`);
      await app.ctx.db
        .insertInto('messages')
        .values({ workspace_id: t.workspaceId, conversation_id: seeded.conversationIds.english, direction: 'inbound', author_type: 'customer', text: 'Another refund that never came back.', emotion: JSON.stringify(emotionOf(-0.6, 'en')), created_at: '2026-03-14T12:00:00Z' })
        .execute();
      const cached = await get(`/api/topics?${period}&language=en`);
      assert.equal(cached.computedAt, first.computedAt);
      const fresh = await get(`/api/topics?${period}&language=en&refresh=true`);
      assert.notEqual(fresh.computedAt, first.computedAt);
      assert.equal((fresh.topics as Topic[]).find((x) => x.id === 'en:refund')!.mentions, 4);
      // The hourly purge: nothing is a day old yet; two days later every cached result (with its quotes) is gone.
      const cachedRows = () => app.ctx.db.selectFrom('topic_snapshots').select('cache_key').where('workspace_id', '=', t.workspaceId).execute();
      assert.ok((await cachedRows()).length > 0);
      assert.equal(await purgeTopicSnapshots(app.ctx.db), undefined);
      await purgeTopicSnapshots(app.ctx.db, new Date(Date.now() + 2 * 86_400_000));
      assert.deepEqual(await cachedRows(), []);
    });

    test('workspaces are isolated; client mistakes are 4xx', async () => {
      const mine = await get(`/api/topics?${period}&language=es`, other);
      assert.deepEqual(mine.documents, { messages: 0, answers: 11, sampled: false, limitPerSource: 2000 }, 'the other workspace counts its own answers only');
      const foreignTeam = await call(app, 'GET', `/api/topics?teamId=${teams.spanish}`, { session: other.admin });
      assert.equal(foreignTeam.status, 400);
      assert.equal(foreignTeam.body.error.details[0].path, 'querystring.teamId');
      for (const q of ['from=2026-03-10&to=2026-03-01', 'language=fr', 'source=tweets', 'teamId=nope', 'from=2020-01-01&to=2026-01-01', 'interval=day']) {
        const res = await call(app, 'GET', `/api/topics/trend?${q}`, { session: t.admin });
        assert.equal(res.status, 400, `${q}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, 'validation_failed');
      }
      assert.equal((await call(app, 'GET', '/api/topics/not-a-topic', { session: t.admin })).status, 400);
      assert.equal((await call(app, 'GET', '/api/topics')).status, 401);
    });
  });
}
