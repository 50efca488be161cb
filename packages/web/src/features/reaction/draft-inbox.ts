import { useEffect, useRef } from 'react';

// A tiny channel from the suggestion card to the reply composer: an accepted apology (or gift,
// article) becomes a draft in the reply box for the employee to edit and send. Drafts offered
// before the composer listens wait here, so none is lost.

type Listener = (text: string) => void;

const listeners = new Map<string, Set<Listener>>();
const waiting = new Map<string, string[]>();

export function offerDraft(conversationId: string, text: string): void {
  const set = listeners.get(conversationId);
  if (set && set.size > 0) for (const l of set) l(text);
  else waiting.set(conversationId, [...(waiting.get(conversationId) ?? []), text]);
}

export function takeDrafts(conversationId: string): string[] {
  const drafts = waiting.get(conversationId) ?? [];
  waiting.delete(conversationId);
  return drafts;
}

export function listenForDrafts(conversationId: string, listener: Listener): () => void {
  const set = listeners.get(conversationId) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(conversationId, set);
  for (const text of takeDrafts(conversationId)) listener(text);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(conversationId);
  };
}

// The reply composer listens here.
export function useDraftInbox(conversationId: string, onDraft: Listener): void {
  const ref = useRef(onDraft);
  ref.current = onDraft;
  useEffect(() => listenForDrafts(conversationId, (text) => ref.current(text)), [conversationId]);
}

// What the composer holds after a draft arrives: the draft after anything already typed.
export const withDraft = (current: string, draft: string): string => (current.trim() ? `${current.trimEnd()}\n\n${draft}` : draft);
