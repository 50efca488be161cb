import { useEffect, useState } from 'react';
import { topicsApi } from '../../api/voice-api.ts';
import type { TopicFilters, TopicLanguage, TopicList, TopicSource, TopicTrend } from '../../api/voice-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useMe } from '../auth/session.context.tsx';
import { viewerOf } from '../action-plans/plan-display.ts';
import { useDirectory } from '../shell/directory.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { TeamSelect } from '../shell/team-select.component.tsx';
import { TopicCard } from './topic-card.component.tsx';
import { byLanguage } from './topic-display.ts';
import { TopicTrendChart } from './topic-trend-chart.component.tsx';
import '../action-plans/action-plans.css';
import './topics.css';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

// Topics customers raise, their sentiment and the trend of the negative ones; a plan can start from any topic.
export function TopicsPage() {
  const { t, lang } = useI18n();
  const me = viewerOf(useMe());
  const { teams } = useDirectory();
  const [filters, setFilters] = useState<TopicFilters>({ from: day(-89), to: day(0), source: 'all' });
  const [interval, setTrendInterval] = useState<'week' | 'month'>('week');
  const [list, setList] = useState<TopicList | null>(null);
  const [trend, setTrend] = useState<TopicTrend | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const set = <K extends keyof TopicFilters>(key: K, value: TopicFilters[K]) => setFilters((f) => ({ ...f, [key]: value || undefined }));

  useEffect(() => {
    let live = true;
    setList(null);
    setFailure(null);
    Promise.all([topicsApi.list(filters), topicsApi.trend(filters, interval)]).then(
      ([l, tr]) => live && (setList(l), setTrend(tr)),
      (err: unknown) => live && setFailure(errorText(err, t)),
    );
    return () => {
      live = false;
    };
  }, [filters, interval, t]);

  const mayPlan = me.role === 'admin' || (me.role === 'manager' && !!me.teamId);
  return (
    <main id="main" className="topics-page" data-testid="topics-page">
      <h1>{t('topics.title')}</h1>
      <p className="muted">{t('topics.intro')}</p>
      <form className="topics-filters" aria-label={t('topics.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('topics.from')}
          <input type="date" value={filters.from ?? ''} onChange={(e) => set('from', e.target.value)} data-testid="topics-from" />
        </label>
        <label>
          {t('topics.to')}
          <input type="date" value={filters.to ?? ''} onChange={(e) => set('to', e.target.value)} data-testid="topics-to" />
        </label>
        <label>
          {t('topics.language')}
          <select value={filters.language ?? ''} onChange={(e) => set('language', (e.target.value || undefined) as TopicLanguage | undefined)}>
            <option value="">{t('topics.language.all')}</option>
            <option value="es">{t('topics.lang.es')}</option>
            <option value="en">{t('topics.lang.en')}</option>
          </select>
        </label>
        <label>
          {t('topics.source')}
          <select value={filters.source} onChange={(e) => setFilters((f) => ({ ...f, source: e.target.value as TopicSource }))}>
            {(['all', 'surveys', 'messages'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`topics.source.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('topics.team')}
          <TeamSelect teams={teams} emptyLabel={t('topics.team.all')} value={filters.teamId ?? ''} onChange={(e) => set('teamId', e.target.value)} />
        </label>
        <label>
          {t('topics.interval')}
          <select value={interval} onChange={(e) => setTrendInterval(e.target.value as 'week' | 'month')}>
            <option value="week">{t('topics.interval.week')}</option>
            <option value="month">{t('topics.interval.month')}</option>
          </select>
        </label>
      </form>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {!list && !failure && <p className="muted">{t('topics.loading')}</p>}
      {list && (
        <>
          <p className="muted topic-meta">
            {t('topics.documents', { messages: list.documents.messages, answers: list.documents.answers, from: formatDate(`${list.period.from}T12:00:00Z`, lang), to: formatDate(`${list.period.to}T12:00:00Z`, lang) })}
            {list.documents.sampled && ` ${t('topics.sampled', { limit: list.documents.limitPerSource })}`}
          </p>
          {trend && <TopicTrendChart trend={trend} />}
          {list.topics.length === 0 && <p className="muted">{t('topics.empty')}</p>}
          {byLanguage(list.topics).map((group) => (
            <section key={group.language} className="topics-language" aria-labelledby={`topics-${group.language}`}>
              <h2 id={`topics-${group.language}`}>{t(`topics.lang.${group.language}`)}</h2>
              <ul className="topic-grid">
                {group.topics.map((topic) => (
                  <TopicCard key={topic.id} topic={topic} filters={filters} me={me} mayPlan={mayPlan} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </main>
  );
}
