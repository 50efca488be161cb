import type { CallMedia, CallQuality } from '@vinculo/call-peer';
import type { Request } from '../api/widget-api.client.ts';

// What the widget is told about a call (the server's VisitorCallView): never who else was rung.
export type CallView = {
  id: string;
  conversationId: string;
  media: CallMedia;
  direction: 'inbound' | 'outbound';
  status: 'ringing' | 'active' | 'ended' | 'missed' | 'declined' | 'failed';
  answeredAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  endReason: string | null;
  employeeName: string | null;
};

export type Availability = { available: boolean; reason: string | null };
export type HangUpBody = { reason: 'hangup' | 'failed'; detail?: string; quality?: CallQuality };

export type CallApi = ReturnType<typeof createCallApi>;

export function createCallApi(request: Request, workspace: string, hasSession: () => boolean) {
  const act = (id: string, action: string, body: unknown = {}, keepalive = false) =>
    request<{ call: CallView }>('POST', `/widget/calls/${id}/${action}`, body, 'json', keepalive);
  return {
    // Before the visitor has a session (they have not written yet), the widget key is enough.
    availability: () =>
      request<Availability>('GET', hasSession() ? '/widget/calls/availability' : `/widget/calls/availability/public?workspace=${encodeURIComponent(workspace)}`),
    start: (conversationId: string, media: CallMedia) =>
      request<{ call: CallView; iceServers: RTCIceServer[] }>('POST', '/widget/calls', { conversationId, media }),
    // The call ringing or in progress in the conversation, asked on every (re)connection of the socket.
    live: (conversationId: string) => request<{ call: CallView | null }>('GET', `/widget/calls/live?conversationId=${encodeURIComponent(conversationId)}`),
    get: (id: string) => request<{ call: CallView; iceServers: RTCIceServer[] }>('GET', `/widget/calls/${id}`),
    accept: (id: string) => act(id, 'accept'),
    decline: (id: string) => act(id, 'decline'),
    hangUp: (id: string, body: HangUpBody, keepalive = false) => act(id, 'hangup', body, keepalive),
    quality: (id: string, quality: CallQuality) => act(id, 'quality', { quality }),
  };
}
