import { useState } from 'react';
import type { PlanDetail, Topic, TopicFilters } from '../../api/voice-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/i18n.types.ts';
import { formFromTopic, type Viewer } from '../action-plans/plan-display.ts';
import { PlanFormView } from '../action-plans/plan-form.component.tsx';
import { Link } from '../shell/link.component.tsx';
import { formatSentiment } from './topic-display.ts';
import { TopicMentions } from './topic-mentions.component.tsx';

type Props = { topic: Topic; filters: TopicFilters; me: Viewer; mayPlan: boolean };

// A topic: how often and how customers feel about it, how they said it, three quotes, and a plan to act on it.
export function TopicCard({ topic, filters, me, mayPlan }: Props) {
  const { t, lang } = useI18n();
  const [planning, setPlanning] = useState(false);
  const [created, setCreated] = useState<PlanDetail | null>(null);
  const [showAll, setShowAll] = useState(false);
  const s = topic.sentiment;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <li className="topic-card" data-testid="topic-card" data-topic-id={topic.id}>
      <h3>
        <span data-testid="topic-label">{topic.label}</span>
        <span className={`topic-sentiment ${s.label}`} title={t('topics.sentimentValue', { value: formatSentiment(s.average, lang) })}>
          {t(`topics.sentiment.${s.label}` as MessageKey)} {formatSentiment(s.average, lang)}
        </span>
      </h3>
      <p className="muted topic-meta">
        {t('topics.mentions', { count: topic.mentions })} · {t('topics.counts', { negative: s.negative, neutral: s.neutral, positive: s.positive })}
      </p>
      {topic.phrases.length > 1 && (
        <p className="topic-meta">
          {t('topics.phrases')}: {topic.phrases.map((p) => p.text).join(', ')}
        </p>
      )}
      <ul className="topic-quotes" aria-label={t('topics.quotes')}>
        {topic.quotes.map((q) => (
          <li key={q.id}>
            “{q.text}”{' '}
            <span className="muted topic-meta">
              {t(q.source === 'answer' ? 'topics.quote.answer' : 'topics.quote.message')} · {formatDate(q.at, lang)}
              {q.conversationId && (
                <>
                  {' · '}
                  <Link href={`/conversations/${encodeURIComponent(q.conversationId)}`}>{t('topics.openConversation')}</Link>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      {topic.mentions > topic.quotes.length && (
        <button className="button ghost small" type="button" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)} data-testid="topic-all-mentions">
          {showAll ? t('topics.hideMentions') : t('topics.allMentions', { count: topic.mentions })}
        </button>
      )}
      {showAll && <TopicMentions topicId={topic.id} filters={filters} />}
      {created && (
        <p role="status" data-testid="topic-plan-created">
          <Link href={`/action-plans/${encodeURIComponent(created.team.id)}`}>{t('topics.planCreated', { title: created.title })}</Link>
        </p>
      )}
      {mayPlan && !planning && (
        <button className="button small" type="button" onClick={() => setPlanning(true)} data-testid="topic-create-plan">
          {t('topics.createPlan')}
        </button>
      )}
      {planning && (
        <PlanFormView
          initial={formFromTopic(topic, me, t('topics.planTitle', { label: topic.label }), today)}
          me={me}
          onCancel={() => setPlanning(false)}
          onSaved={(plan) => (setPlanning(false), setCreated(plan))}
        />
      )}
    </li>
  );
}
