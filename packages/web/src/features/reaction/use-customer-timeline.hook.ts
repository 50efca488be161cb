import { useEffect, useState } from 'react';
import { reactionApi } from '../../api/reaction-api.ts';
import type { TimelineItem } from '../../api/reaction-types.ts';
import { useRealtime } from '../shell/realtime.context.tsx';
import { mergeTimeline } from './timeline-merge.ts';

// The customer's timeline over REST, with what colleagues accept arriving live (customer.timeline).
export function useCustomerTimeline(customerId: string): TimelineItem[] | null {
  const { client } = useRealtime();
  const [state, setState] = useState<{ id: string; items: TimelineItem[] | null }>({ id: customerId, items: null });

  useEffect(() => {
    let live = true;
    setState({ id: customerId, items: null });
    const load = () =>
      reactionApi.timeline(customerId).then(
        (r) => live && setState((s) => ({ id: customerId, items: mergeTimeline(r.items, s.id === customerId ? (s.items ?? []) : []) })),
        () => live && setState((s) => ({ id: customerId, items: s.items ?? [] })),
      );
    void load();
    const off = client.subscribe({
      event: (e) => {
        if (e.type === 'customer.timeline' && e.data.customerId === customerId) {
          setState((s) => (s.id === customerId ? { id: customerId, items: mergeTimeline(s.items ?? [], e.data.items) } : s));
        } else if ((e.type === 'conversation.created' || e.type === 'conversation.updated') && e.data.conversation.customerId === customerId) {
          void load();
        }
      },
      resync: () => void load(),
    });
    return () => {
      live = false;
      off();
    };
  }, [customerId, client]);

  return state.id === customerId ? state.items : null;
}
