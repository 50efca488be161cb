import type { StorageLike } from './outbox.store.ts';

export type Contact = { name: string; email: string };

// What survives reloads and new tabs, per widget key: who the visitor is and which conversation is theirs.
export type StoredSession = { visitorToken: string; conversationId: string | null; contact?: Contact };

export const storageKeys = (workspace: string) => ({ session: `vinculo:${workspace}:session`, outbox: `vinculo:${workspace}:outbox` });

export function parseSession(raw: string | null): StoredSession | null {
  try {
    const v: unknown = JSON.parse(raw ?? 'null');
    if (!v || typeof v !== 'object') return null;
    const o = v as Record<string, unknown>;
    if (typeof o.visitorToken !== 'string' || !o.visitorToken) return null;
    const c = o.contact as Record<string, unknown> | undefined;
    const contact = c && typeof c.name === 'string' && typeof c.email === 'string' ? { name: c.name, email: c.email } : undefined;
    return { visitorToken: o.visitorToken, conversationId: typeof o.conversationId === 'string' ? o.conversationId : null, ...(contact ? { contact } : {}) };
  } catch {
    return null;
  }
}

export function loadSession(storage: StorageLike | null, key: string): StoredSession | null {
  try {
    return parseSession(storage?.getItem(key) ?? null);
  } catch {
    return null;
  }
}

export function saveSession(storage: StorageLike | null, key: string, session: StoredSession | null): void {
  try {
    if (session) storage?.setItem(key, JSON.stringify(session));
    else storage?.removeItem(key);
  } catch {
    // Blocked storage: the session lasts as long as the page.
  }
}
