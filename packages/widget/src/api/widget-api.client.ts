import type {
  AttachmentRef,
  ConversationSummary,
  MessagePage,
  MessageView,
  SendBody,
  SessionRequest,
  SessionResponse,
  WidgetConfig,
} from './widget-api.types.ts';

// status 0 means the request never reached the server (offline, DNS, CORS): worth retrying.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const isRetryable = (err: unknown) => !(err instanceof ApiError) || err.status === 0 || err.status === 429 || err.status >= 500;

export type WidgetApi = ReturnType<typeof createWidgetApi>;

// keepalive: the request outlives the page (a call hung up as the tab closes).
export type Request = <T>(method: string, path: string, body?: unknown, as?: 'json' | 'blob', keepalive?: boolean) => Promise<T>;

// Bearer-authenticated JSON requests to the server's /api; failures become ApiError.
export function createRequest(origin: string, token: () => string | null): Request {
  return async function request<T>(method: string, path: string, body?: unknown, as: 'json' | 'blob' = 'json', keepalive = false): Promise<T> {
    const headers: Record<string, string> = {};
    const t = token();
    if (t) headers.authorization = `Bearer ${t}`;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let res: Response;
    try {
      res = await fetch(`${origin}/api${path}`, { method, headers, body: payload, credentials: 'omit', ...(keepalive ? { keepalive } : {}) });
    } catch {
      throw new ApiError(0, 'network', 'The server could not be reached');
    }
    if (!res.ok) {
      const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null;
      throw new ApiError(res.status, data?.error?.code ?? 'http_error', data?.error?.message ?? `HTTP ${res.status}`, data?.error?.details ?? {});
    }
    return (as === 'blob' ? res.blob() : res.json()) as Promise<T>;
  };
}

export function createWidgetApi(origin: string, token: () => string | null) {
  const request = createRequest(origin, token);
  const attachmentUrls = new Map<string, Promise<string>>();

  return {
    origin,
    config: (workspace: string) => request<WidgetConfig>('GET', `/widget/config?workspace=${encodeURIComponent(workspace)}`),
    session: (body: SessionRequest) => request<SessionResponse>('POST', '/widget/session', body),
    conversations: () => request<{ items: ConversationSummary[] }>('GET', '/widget/conversations'),
    startConversation: (body: SendBody) =>
      request<{ conversation: { id: string }; message: MessageView; duplicate: boolean }>('POST', '/widget/conversations', body),
    async messages(conversationId: string): Promise<{ items: MessageView[]; streamSeq: number }> {
      const items: MessageView[] = [];
      let streamSeq = 0;
      let after: string | null = null;
      // A long thread arrives in pages; the first page's head is where the socket resumes.
      for (let i = 0; i < 20; i++) {
        const q: string = after ? `&after=${encodeURIComponent(after)}` : '';
        const page: MessagePage = await request<MessagePage>('GET', `/widget/conversations/${conversationId}/messages?limit=500${q}`);
        if (i === 0) streamSeq = page.streamSeq;
        items.push(...page.items);
        if (!page.nextCursor) break;
        after = page.nextCursor;
      }
      return { items, streamSeq };
    },
    send: (conversationId: string, body: SendBody) =>
      request<{ message: MessageView; duplicate: boolean }>('POST', `/widget/conversations/${conversationId}/messages`, body),
    upload(file: Blob, fileName: string): Promise<AttachmentRef> {
      const form = new FormData();
      form.append('file', file, fileName);
      return request<AttachmentRef>('POST', '/widget/attachments', form);
    },
    // Attachments need the bearer token, so they are fetched and shown through object URLs (cached).
    attachmentUrl(id: string): Promise<string> {
      let url = attachmentUrls.get(id);
      if (!url) {
        url = request<Blob>('GET', `/widget/attachments/${id}`, undefined, 'blob').then((blob) => URL.createObjectURL(blob));
        url.catch(() => attachmentUrls.delete(id));
        attachmentUrls.set(id, url);
      }
      return url;
    },
    // A file the visitor just uploaded is shown from memory, never downloaded back.
    rememberLocal(id: string, blob: Blob) {
      attachmentUrls.set(id, Promise.resolve(URL.createObjectURL(blob)));
    },
    socketUrl(visitorToken: string, conversationId: string, since: number | null): string {
      const ws = origin.replace(/^http/, 'ws');
      const params = new URLSearchParams({ token: visitorToken, conversationId });
      if (since !== null) params.set('since', String(since));
      return `${ws}/api/widget/realtime?${params}`;
    },
  };
}
