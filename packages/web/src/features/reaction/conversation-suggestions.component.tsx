import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useReaction } from './reaction.context.tsx';
import { SuggestionCard } from './suggestion-card.component.tsx';
import { forConversation } from './suggestions.reducer.ts';

// Open suggestions about this conversation, above its messages; announced politely as they arrive.
export function ConversationSuggestions({ conversationId }: { conversationId: string }) {
  const { t } = useI18n();
  const { suggestions } = useReaction();
  const mine = useMemo(() => forConversation(suggestions, conversationId), [suggestions, conversationId]);
  return (
    <div className="conversation-suggestions" aria-live="polite" aria-label={t('reaction.suggestions')} role="region">
      {mine.map((s) => (
        <SuggestionCard key={s.id} suggestion={s} />
      ))}
    </div>
  );
}
