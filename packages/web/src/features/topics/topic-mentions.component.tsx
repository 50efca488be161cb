import { useEffect, useState } from 'react';
import { topicsApi } from '../../api/voice-api.ts';
import type { Mention, TopicFilters } from '../../api/voice-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { formatDate } from '../../i18n/format.ts';
import { errorText } from '../shell/error-text.ts';
import { Link } from '../shell/link.component.tsx';
import { formatSentiment } from './topic-display.ts';

// Every text that mentions a topic (newest first, up to 100), each with a link to its conversation.
export function TopicMentions({ topicId, filters }: { topicId: string; filters: TopicFilters }) {
  const { t, lang } = useI18n();
  const [mentions, setMentions] = useState<Mention[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    topicsApi.mentions(topicId, filters).then(
      (topic) => live && setMentions(topic.mentionList),
      (err: unknown) => live && setFailure(errorText(err, t)),
    );
    return () => {
      live = false;
    };
  }, [topicId, filters, t]);

  if (failure) return <p className="form-error" role="alert">{failure}</p>;
  if (!mentions) return <p className="muted">{t('app.loading')}</p>;
  return (
    <ul className="topic-quotes" data-testid="topic-mentions">
      {mentions.map((m) => (
        <li key={m.id}>
          “{m.text}”{' '}
          <span className="muted topic-meta">
            {t(m.source === 'answer' ? 'topics.quote.answer' : 'topics.quote.message')} · {formatDate(m.at, lang)} · {formatSentiment(m.sentiment, lang)}
            {m.conversationId && (
              <>
                {' · '}
                <Link href={`/conversations/${encodeURIComponent(m.conversationId)}`}>{t('topics.openConversation')}</Link>
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
