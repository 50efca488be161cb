import type { Role } from '../../api/api.types.ts';
import type { Suggestion } from '../../api/reaction-types.ts';
import { isFullSuggestion, type RealtimeEvent, type SuggestionPatch } from '../../api/realtime-frames.ts';

// The open suggestions of the workspace, newest activity first, kept live by realtime events.
export type SuggestionsState = { items: Suggestion[]; loaded: boolean };

export type SuggestionsAction =
  | { type: 'loaded'; items: Suggestion[] }
  | { type: 'event'; event: RealtimeEvent }
  // Decided here (accepted, dismissed, snoozed): gone at once, before the event arrives.
  | { type: 'decided'; suggestion: Suggestion };

export const initialSuggestions: SuggestionsState = { items: [], loaded: false };

const newestFirst = (a: Suggestion, b: Suggestion) => (a.lastTriggeredAt === b.lastTriggeredAt ? 0 : a.lastTriggeredAt < b.lastTriggeredAt ? 1 : -1);

// Keeps a suggestion while it is open; an older copy (by updatedAt) never overwrites a newer one.
function apply(items: readonly Suggestion[], s: Suggestion): Suggestion[] {
  const existing = items.find((i) => i.id === s.id);
  if (existing && existing.updatedAt > s.updatedAt) return items as Suggestion[];
  const rest = items.filter((i) => i.id !== s.id);
  return s.status === 'open' ? [...rest, s].sort(newestFirst) : rest;
}

// A re-trigger sends only what changed: merged into the suggestion held here (one not held, closed
// or unknown, has nothing to merge into and is left alone; the listing brings it in full).
function merge(items: readonly Suggestion[], p: SuggestionPatch): Suggestion[] {
  const existing = items.find((i) => i.id === p.id);
  if (!existing) return items as Suggestion[];
  return apply(items, { ...existing, ...p });
}

export function suggestionsReducer(state: SuggestionsState, action: SuggestionsAction): SuggestionsState {
  switch (action.type) {
    case 'loaded': {
      // Events that arrived during the load are kept when they are newer than the listing.
      const merged = action.items.reduce(apply, state.items.filter((s) => !action.items.some((i) => i.id === s.id) && s.status === 'open'));
      return { items: merged, loaded: true };
    }
    case 'decided':
      return { ...state, items: state.items.filter((s) => s.id !== action.suggestion.id) };
    case 'event':
      if (action.event.type !== 'suggestion.created' && action.event.type !== 'suggestion.updated') return state;
      {
        const s = action.event.data.suggestion;
        return { ...state, items: isFullSuggestion(s) ? apply(state.items, s) : merge(state.items, s) };
      }
  }
}

export type Viewer = { id: string | null; role: Role; teamId: string | null };

// Mine: the assignee, someone an action names, the team when nobody is assigned, anyone when
// nobody is; managers and admins also own what was escalated (as GET /suggestions?mine=true).
export function isMine(s: Suggestion, me: Viewer): boolean {
  const t = s.target;
  if (me.id && (t.assigneeId === me.id || t.employeeIds.includes(me.id))) return true;
  if (t.escalated && me.role !== 'agent') return true;
  if (t.assigneeId) return false;
  return t.teamId === null || t.teamId === me.teamId;
}

export const forConversation = (items: readonly Suggestion[], conversationId: string): Suggestion[] => items.filter((s) => s.conversationId === conversationId);
