import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.types.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { loadDocuments, SAMPLE_PER_SOURCE } from './topic-documents.ts';
import { buildSnapshot, topicTrend, type Mention, type TopicSnapshot, type TopicTrend, type TopicView } from './topic-snapshot.ts';
import type { TopicLanguage } from './topic-text.ts';
import type { TopicSource, TrendInterval } from './topic.schema.ts';

const DAY = 86_400_000;
// A computed result is reused this long; `refresh` computes again at once.
export const SNAPSHOT_TTL_MS = 10 * 60_000;
const DEFAULT_DAYS = 90;

export type TopicFilters = { from?: string; to?: string; language?: TopicLanguage; source: TopicSource; teamId?: string; refresh?: boolean };

const today = (now: Date) => now.toISOString().slice(0, 10);
const dayBefore = (d: string, days: number) => new Date(Date.parse(`${d}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);

export function resolvePeriod(f: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const to = f.to ?? (f.from && f.from > today(now) ? f.from : today(now));
  return { from: f.from ?? dayBefore(to, DEFAULT_DAYS - 1), to };
}

async function assertTeam(scope: TenantScope, teamId: string | undefined) {
  if (!teamId) return;
  const team = await scope.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  // Like the KPI filters: a team of another workspace (or none) is a client mistake, not an empty page.
  if (!team) throw new AppError('validation_failed', 'querystring.teamId: no such team in this workspace', [{ path: 'querystring.teamId', message: 'no such team in this workspace' }]);
}

// The topics for a set of filters: from the cache when computed in the last 10 minutes, else computed
// over a bounded sample (the newest texts of each source) and stored for the next request.
export async function topicSnapshot(scope: TenantScope, f: TopicFilters, now = new Date()): Promise<TopicSnapshot> {
  await assertTeam(scope, f.teamId);
  const period = resolvePeriod(f, now);
  const cacheKey = JSON.stringify({ v: 1, ...period, language: f.language ?? null, source: f.source, teamId: f.teamId ?? null });
  if (!f.refresh) {
    const cached = await scope.selectFrom('topic_snapshots').select(['result', 'computed_at']).where('cache_key', '=', cacheKey).executeTakeFirst();
    if (cached && now.getTime() - cached.computed_at.getTime() < SNAPSHOT_TTL_MS) return cached.result as unknown as TopicSnapshot;
  }
  const { documents, sampled } = await loadDocuments(scope, {
    since: new Date(`${period.from}T00:00:00Z`),
    until: new Date(Date.parse(`${period.to}T00:00:00Z`) + DAY),
    teamId: f.teamId,
    messages: f.source !== 'surveys',
    answers: f.source !== 'messages',
  });
  const snapshot = buildSnapshot(f.language ? documents.filter((d) => d.language === f.language) : documents, { period, sampled, limitPerSource: SAMPLE_PER_SOURCE, now });
  const result = JSON.stringify(snapshot);
  await scope
    .insertInto('topic_snapshots', { cache_key: cacheKey, computed_at: now, result })
    .onConflict((oc) => oc.columns(['workspace_id', 'cache_key']).doUpdateSet({ computed_at: now, result }))
    .execute();
  return snapshot;
}

// Old results hold customer texts (quotes): an hourly job removes those older than a day, in every
// workspace, so a quote never outlives a customer's erasure by much more than that.
export async function purgeTopicSnapshots(db: Kysely<Database>, now = new Date()): Promise<{ removed: number } | undefined> {
  const result = await db.deleteFrom('topic_snapshots').where('computed_at', '<', new Date(now.getTime() - DAY)).executeTakeFirst();
  const removed = Number(result.numDeletedRows);
  return removed ? { removed } : undefined;
}

const publicView = ({ mentionIds: _ids, ...topic }: TopicSnapshot['topics'][number]): TopicView => topic;

export async function listTopics(scope: TenantScope, f: TopicFilters) {
  const s = await topicSnapshot(scope, f);
  return { period: s.period, computedAt: s.computedAt, documents: s.documents, topics: s.topics.map(publicView) };
}

// A topic with every mention (newest first, at most `limit`), each linking to its conversation or survey answer.
export async function getTopic(scope: TenantScope, id: string, f: TopicFilters & { limit?: number }): Promise<TopicView & { period: { from: string; to: string }; mentionList: Mention[] }> {
  const s = await topicSnapshot(scope, f);
  const topic = s.topics.find((t) => t.id === id);
  if (!topic) throw notFound('Topic');
  return { ...publicView(topic), period: s.period, mentionList: topic.mentionIds.slice(0, f.limit ?? 200).map((m) => s.texts[m]!) };
}

export async function getTrend(scope: TenantScope, f: TopicFilters & { interval: TrendInterval }): Promise<TopicTrend & { period: { from: string; to: string } }> {
  const s = await topicSnapshot(scope, f);
  return { period: s.period, ...topicTrend(s, f.interval) };
}

