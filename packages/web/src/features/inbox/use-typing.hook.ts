import { useEffect, useState } from 'react';
import { useRealtime } from '../shell/realtime.context.tsx';

// A typing signal that never gets its "false" (tab closed, network drop) fades after this long.
const TYPING_TTL_MS = 8000;

// Conversation ids where the customer is typing right now.
export function useCustomerTyping(): ReadonlySet<string> {
  const { client } = useRealtime();
  const [typing, setTyping] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const set = (id: string, on: boolean) =>
      setTyping((prev) => {
        if (prev.has(id) === on) return prev;
        const next = new Set(prev);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      });
    const off = client.subscribe({
      typing: (signal) => {
        if (signal.by !== 'customer') return;
        clearTimeout(timers.get(signal.conversationId));
        set(signal.conversationId, signal.typing);
        if (signal.typing) timers.set(signal.conversationId, setTimeout(() => set(signal.conversationId, false), TYPING_TTL_MS));
      },
      // The customer's message has arrived: they have stopped typing it.
      event: (event) => {
        if (event.type === 'message.created' && event.data.message.direction === 'inbound') {
          clearTimeout(timers.get(event.data.conversation.id));
          set(event.data.conversation.id, false);
        }
      },
    });
    return () => {
      off();
      for (const t of timers.values()) clearTimeout(t);
    };
  }, [client]);

  return typing;
}
