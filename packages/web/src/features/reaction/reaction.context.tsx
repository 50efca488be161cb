import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useState, type ReactNode } from 'react';
import { reactionApi } from '../../api/reaction-api.ts';
import type { ReactionSettings, Suggestion } from '../../api/reaction-types.ts';
import { useMe } from '../auth/session.context.tsx';
import { useRealtime } from '../shell/realtime.context.tsx';
import { initialSuggestions, isMine, suggestionsReducer } from './suggestions.reducer.ts';

type Bounds = Pick<ReactionSettings, 'maxDiscountPercent' | 'maxCompensation' | 'currency'>;

export type ReactionValue = {
  suggestions: Suggestion[];
  mineCount: number;
  bounds: Bounds;
  decided: (suggestion: Suggestion) => void;
};

const DEFAULT_BOUNDS: Bounds = { maxDiscountPercent: 15, maxCompensation: 50, currency: 'EUR' };

const ReactionContext = createContext<ReactionValue | null>(null);

// Open suggestions for the whole signed-in shell: loaded once, then kept live by the socket, so a
// new one shows in the conversation the moment its event arrives.
export function ReactionProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const { client } = useRealtime();
  const [state, dispatch] = useReducer(suggestionsReducer, initialSuggestions);
  const [bounds, setBounds] = useState<Bounds>(DEFAULT_BOUNDS);

  const load = useCallback(() => {
    reactionApi.suggestions().then(
      (r) => dispatch({ type: 'loaded', items: r.items }),
      () => undefined,
    );
    reactionApi.settings().then(
      (s) => setBounds({ maxDiscountPercent: s.maxDiscountPercent, maxCompensation: s.maxCompensation, currency: s.currency }),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    load();
    return client.subscribe({ event: (event) => dispatch({ type: 'event', event }), resync: load });
  }, [client, load]);

  const viewer = useMemo(() => ({ id: me.employee?.id ?? null, role: me.role, teamId: me.employee?.teamId ?? null }), [me]);
  const decided = useCallback((suggestion: Suggestion) => dispatch({ type: 'decided', suggestion }), []);
  const value = useMemo<ReactionValue>(
    () => ({ suggestions: state.items, mineCount: state.items.filter((s) => isMine(s, viewer)).length, bounds, decided }),
    [state.items, viewer, bounds, decided],
  );
  return <ReactionContext value={value}>{children}</ReactionContext>;
}

export function useReaction(): ReactionValue {
  const ctx = useContext(ReactionContext);
  if (!ctx) throw new Error('useReaction outside ReactionProvider');
  return ctx;
}
