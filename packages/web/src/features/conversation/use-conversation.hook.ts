import { useCallback, useEffect, useRef, useState } from 'react';
import type { Conversation, ConversationStatus, EmotionLabel, Message, MessageEmotion, Note } from '../../api/api.types.ts';
import { callApi } from '../../api/call-api.ts';
import type { CallView } from '../../api/call-types.ts';
import { api } from '../../api/http-client.ts';
import { upsertCall } from '../calls/call-records.ts';
import { useMe } from '../auth/session.context.tsx';
import { correctedLocally } from '../emotion/emotion-labels.ts';
import { useRealtime } from '../shell/realtime.context.tsx';
import { withDelivery } from './delivery.ts';
import { addUnique, withMessageEmotion } from './timeline.ts';

export type ReplyInput = { text: string; attachmentIds: string[]; idempotencyKey: string; snippetId?: string };

export type ConversationPatch = { status?: ConversationStatus; assigneeId?: string | null; teamId?: string | null };

type State = {
  id: string;
  conversation: Conversation | null;
  messages: Message[];
  notes: Note[];
  calls: CallView[];
  loading: boolean;
  error: unknown;
};

const empty = (id: string): State => ({ id, conversation: null, messages: [], notes: [], calls: [], loading: true, error: null });

export type ConversationData = State & {
  sendReply: (input: ReplyInput) => Promise<void>;
  addNote: (text: string) => Promise<void>;
  update: (patch: ConversationPatch) => Promise<void>;
  correctEmotion: (messageId: string, emotion: EmotionLabel) => Promise<void>;
};

// One conversation: its history over REST, kept live by realtime events, with duplicates dropped.
export function useConversation(id: string): ConversationData {
  const { client } = useRealtime();
  const myId = useMe().employee?.id ?? null;
  const [state, setState] = useState<State>(() => empty(id));
  const current = state.id === id ? state : empty(id);
  const messagesRef = useRef(current.messages);
  messagesRef.current = current.messages;

  const load = useCallback(async () => {
    try {
      const [conversation, messages, notes, calls] = await Promise.all([
        api.get<Conversation>(`/api/conversations/${id}`),
        api.get<{ items: Message[] }>(`/api/conversations/${id}/messages?limit=500`),
        api.get<{ items: Note[] }>(`/api/conversations/${id}/notes`),
        // The conversation reads fine without its calls should that list fail.
        callApi.ofConversation(id).catch(() => ({ items: [] as CallView[] })),
      ]);
      setState((s) => {
        const base = s.id === id ? s : empty(id);
        return {
          ...base,
          conversation: base.conversation && base.conversation.updatedAt > conversation.updatedAt ? base.conversation : conversation,
          messages: addUnique(base.messages, messages.items),
          notes: addUnique(base.notes, notes.items),
          calls: calls.items.reduce(upsertCall, base.calls),
          loading: false,
          error: null,
        };
      });
    } catch (error) {
      setState((s) => ({ ...(s.id === id ? s : empty(id)), loading: false, error }));
    }
  }, [id]);

  useEffect(() => {
    setState(empty(id));
    void load();
  }, [id, load]);

  useEffect(
    () =>
      client.subscribe({
        event: (event) => {
          setState((s) => {
            if (s.id !== id) return s;
            switch (event.type) {
              case 'message.created':
                if (event.data.message.conversationId !== id) return s;
                return { ...s, conversation: event.data.conversation, messages: addUnique(s.messages, [event.data.message]) };
              case 'note.created':
                if (event.data.note.conversationId !== id) return s;
                return { ...s, notes: addUnique(s.notes, [event.data.note]) };
              case 'conversation.updated':
              case 'conversation.created':
                if (event.data.conversation.id !== id) return s;
                return { ...s, conversation: event.data.conversation };
              case 'call.updated':
                if (event.data.call.conversationId !== id) return s;
                return { ...s, calls: upsertCall(s.calls, event.data.call) };
              case 'message.delivery':
                if (event.data.conversationId !== id) return s;
                return { ...s, messages: withDelivery(s.messages, event.data.messageId, event.data.delivery) };
              case 'message.emotion':
                if (event.data.conversationId !== id) return s;
                return { ...s, messages: withMessageEmotion(s.messages, event.data.messageId, event.data.emotion) };
              default:
                return s;
            }
          });
        },
        resync: () => void load(),
      }),
    [client, id, load],
  );

  const sendReply = useCallback(
    async (input: ReplyInput) => {
      const body = {
        text: input.text,
        idempotencyKey: input.idempotencyKey,
        ...(input.attachmentIds.length ? { attachmentIds: input.attachmentIds } : {}),
        ...(input.snippetId ? { snippetId: input.snippetId } : {}),
      };
      const result = await api.post<{ message: Message }>(`/api/conversations/${id}/messages`, body);
      setState((s) => (s.id === id ? { ...s, messages: addUnique(s.messages, [result.message]) } : s));
    },
    [id],
  );

  const addNote = useCallback(
    async (text: string) => {
      const note = await api.post<Note>(`/api/conversations/${id}/notes`, { text });
      setState((s) => (s.id === id ? { ...s, notes: addUnique(s.notes, [note]) } : s));
    },
    [id],
  );

  const update = useCallback(
    async (patch: ConversationPatch) => {
      const conversation = await api.patch<Conversation>(`/api/conversations/${id}`, patch);
      setState((s) => (s.id === id ? { ...s, conversation } : s));
    },
    [id],
  );

  // Shown at once; put back as it was if the server refuses, and the caller shows why.
  const correctEmotion = useCallback(
    async (messageId: string, emotion: EmotionLabel) => {
      const before = messagesRef.current.find((m) => m.id === messageId)?.emotion;
      if (!before) return;
      const put = (e: MessageEmotion) => setState((s) => (s.id === id ? { ...s, messages: withMessageEmotion(s.messages, messageId, e) } : s));
      put(correctedLocally(before, emotion, myId, new Date()));
      try {
        put(await api.put<MessageEmotion>(`/api/messages/${messageId}/emotion`, { emotion }));
      } catch (err) {
        put(before);
        throw err;
      }
    },
    [id, myId],
  );

  return { ...current, sendReply, addNote, update, correctEmotion };
}
