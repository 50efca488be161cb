import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/http-client.ts';

// GET /api/conversations/:id/channel: where a reply goes and whether it can go now (WhatsApp's window).
export type ChannelState = { kind: string; channelId: string | null; canReply: boolean; reason: string | null; lastInboundAt?: string; templateRequired?: boolean };

// Read again when the customer writes (`lastInbound` changes: the window reopens) or when asked.
export function useChannelState(conversationId: string, channel: string | undefined, lastInbound: string | null) {
  const [state, setState] = useState<ChannelState | null>(null);
  const external = !!channel && channel !== 'web';
  const refresh = useCallback(async () => {
    if (!external) return setState(null);
    try {
      setState(await api.get<ChannelState>(`/api/conversations/${conversationId}/channel`));
    } catch {
      // Without the answer the composer behaves as before: the server still refuses what cannot go.
      setState(null);
    }
  }, [conversationId, external]);
  useEffect(() => {
    void refresh();
  }, [refresh, lastInbound]);
  return { state, refresh };
}
