import { useI18n } from '../../i18n/i18n.context.tsx';
import { ConversationView } from '../conversation/conversation-view.component.tsx';
import { useConversation } from '../conversation/use-conversation.hook.ts';
import { CustomerPanel } from '../customer/customer-panel.component.tsx';
import { InboxPanel } from '../inbox/inbox-panel.component.tsx';
import type { Inbox } from '../inbox/use-inbox.hook.ts';

function ConversationScreen({ id, typing }: { id: string; typing: boolean }) {
  const data = useConversation(id);
  return (
    <>
      <main id="main" className="conversation-col" tabIndex={-1}>
        <ConversationView conversationId={id} data={data} customerTyping={typing} />
      </main>
      <CustomerPanel customerId={data.conversation?.customerId ?? null} currentId={id} />
    </>
  );
}

// Three columns on a laptop screen: inbox | conversation | customer.
export function InboxLayout({ inbox, conversationId, typing }: { inbox: Inbox; conversationId: string | null; typing: ReadonlySet<string> }) {
  const { t } = useI18n();
  return (
    <div className="workspace-grid">
      <InboxPanel inbox={inbox} activeId={conversationId} typing={typing} />
      {conversationId ? (
        <ConversationScreen key={conversationId} id={conversationId} typing={typing.has(conversationId)} />
      ) : (
        <main id="main" className="conversation-col" tabIndex={-1}>
          <p className="conversation-empty muted">{t('conversation.none')}</p>
        </main>
      )}
    </div>
  );
}
