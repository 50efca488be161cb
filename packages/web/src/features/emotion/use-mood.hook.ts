import { useEffect, useReducer, useRef } from 'react';
import type { MoodTimeline } from '../../api/api.types.ts';
import { api } from '../../api/http-client.ts';
import { useRealtime } from '../shell/realtime.context.tsx';
import { initialMood, moodReducer, type MoodState } from './mood-timeline.ts';

// One customer's mood and its timeline, reloaded whenever the server says it moved.
export function useMood(customerId: string | null): MoodState {
  const { client } = useRealtime();
  const [state, dispatch] = useReducer(moodReducer, customerId, initialMood);
  const generation = useRef(0);

  useEffect(() => {
    dispatch({ type: 'customer', customerId });
    if (!customerId) return;
    // Only the newest request may answer: events can come faster than the reloads they trigger.
    const load = () => {
      const gen = ++generation.current;
      api
        .get<MoodTimeline>(`/api/customers/${customerId}/mood?limit=200`)
        .then((timeline) => gen === generation.current && dispatch({ type: 'loaded', customerId, timeline }))
        .catch(() => gen === generation.current && dispatch({ type: 'failed', customerId }));
    };
    load();
    const off = client.subscribe({
      event: (event) => {
        if (event.type !== 'customer.mood' || event.data.customerId !== customerId) return;
        dispatch({ type: 'event', event });
        // A correction replays the whole timeline: reload it. A new message brought its own point.
        if (!event.data.point) load();
      },
      resync: load,
    });
    return () => {
      generation.current++;
      off();
    };
  }, [customerId, client]);

  return state.customerId === customerId ? state : initialMood(customerId);
}
