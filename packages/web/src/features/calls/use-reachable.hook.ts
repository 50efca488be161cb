import { useEffect, useState } from 'react';
import { callApi } from '../../api/call-api.ts';

// Whether the customer of a conversation is on the website (a call can only reach them there), rechecked
// while shown (long lists recheck each row less often).
export function useReachable(conversationId: string | null, everyMs = 15_000): boolean {
  const [state, setState] = useState<{ id: string | null; reachable: boolean }>({ id: null, reachable: false });
  useEffect(() => {
    if (!conversationId) return;
    let live = true;
    const check = () =>
      callApi.reachable(conversationId).then(
        (r) => live && setState({ id: conversationId, reachable: r.reachable }),
        () => live && setState({ id: conversationId, reachable: false }),
      );
    void check();
    const timer = setInterval(check, everyMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [conversationId, everyMs]);
  return state.id === conversationId && state.reachable;
}
