import type { Mood, MoodTimeline } from '../../api/api.types.ts';
import type { RealtimeEvent } from '../../api/realtime-frames.ts';
import type { MessageKey } from '../../i18n/i18n.types.ts';
import type { Vars } from '../../i18n/translate.ts';
import { moodLabelKey, trendKey } from './emotion-labels.ts';

export type MoodState = { customerId: string | null; timeline: MoodTimeline | null; failed: boolean };

export type MoodAction =
  | { type: 'customer'; customerId: string | null }
  | { type: 'loaded'; customerId: string; timeline: MoodTimeline }
  | { type: 'failed'; customerId: string }
  | { type: 'event'; event: RealtimeEvent };

export const initialMood = (customerId: string | null = null): MoodState => ({ customerId, timeline: null, failed: false });

// The current mood comes with the event, and its point when a message brought it; otherwise the
// points follow with the reload the event triggers.
export function moodReducer(state: MoodState, action: MoodAction): MoodState {
  switch (action.type) {
    case 'customer':
      return action.customerId === state.customerId ? state : initialMood(action.customerId);
    case 'loaded':
      return action.customerId === state.customerId ? { ...state, timeline: action.timeline, failed: false } : state;
    case 'failed':
      return action.customerId === state.customerId ? { ...state, failed: true } : state;
    case 'event': {
      const { event } = action;
      if (event.type !== 'customer.mood' || event.data.customerId !== state.customerId) return state;
      const points = state.timeline?.points ?? [];
      const { point } = event.data;
      const next = point && !points.some((p) => p.messageId === point.messageId) ? [...points, point] : points;
      return { ...state, timeline: { current: event.data.mood, points: next } };
    }
  }
}

type T = (key: MessageKey, vars?: Vars) => string;

// "Ánimo: negativo, empeorando; 5 mensajes": what the sparkline says to a screen reader.
export function moodSummary(t: T, lang: string, mood: Mood | null, count: number): string {
  const messages = t(count === 1 ? 'mood.messages.one' : 'mood.messages.other', { count });
  if (!mood) return `${t('mood.none')} ${messages}`;
  return t('mood.summary', { label: t(moodLabelKey(mood.label)).toLocaleLowerCase(lang), trend: t(trendKey(mood.trend)), messages });
}
