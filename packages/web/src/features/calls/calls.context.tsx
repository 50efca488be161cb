import type { CallMedia } from '@vinculo/call-peer';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { callApi } from '../../api/call-api.ts';
import type { CallView } from '../../api/call-types.ts';
import { useRealtime } from '../shell/realtime.context.tsx';
import { applyMissed, upsertCall } from './call-records.ts';
import { createCallSession, type CallSession, type SessionSnapshot } from './call-session.ts';

export type CallsValue = {
  // Calls ringing in the workspace as last heard (the banner picks the ones ringing for me).
  ringing: CallView[];
  missed: CallView[];
  missedError: unknown;
  session: SessionSnapshot | null;
  accept: (call: CallView) => void;
  decline: (call: CallView) => Promise<void>;
  callBack: (conversationId: string, customerId: string, media: CallMedia) => void;
  markHandled: (call: CallView) => Promise<void>;
  hangUp: () => Promise<void>;
  setMuted: (muted: boolean) => void;
  setCameraOn: (on: boolean) => void;
  // Closes the window of a call that has ended.
  dismiss: () => void;
};

const CallsContext = createContext<CallsValue | null>(null);

const keepRinging = (list: readonly CallView[], call: CallView) => {
  const next = upsertCall(list, call);
  return next.some((c) => c.id === call.id && c.status !== 'ringing') ? next.filter((c) => c.id !== call.id) : next;
};

// Everything about calls that lives as long as the signed-in shell: who is ringing, the missed-calls
// list, and the one call this employee is in.
export function CallsProvider({ children }: { children: ReactNode }) {
  const { client } = useRealtime();
  const [ringing, setRinging] = useState<CallView[]>([]);
  const [missed, setMissed] = useState<CallView[]>([]);
  const [missedError, setMissedError] = useState<unknown>(null);
  const [session, setSession] = useState<SessionSnapshot | null>(null);
  const current = useRef<CallSession | null>(null);

  const load = useCallback(() => {
    callApi.missed().then(
      (page) => {
        setMissed(page.items);
        setMissedError(null);
      },
      (err: unknown) => setMissedError(err),
    );
    // A reload while a call rings for me still shows it.
    callApi.recent().then((page) => setRinging(page.items.filter((c) => c.status === 'ringing')), () => undefined);
  }, []);

  useEffect(() => {
    load();
    return client.subscribe({
      event: (event) => {
        if (event.type !== 'call.updated') return;
        const call = event.data.call;
        setRinging((list) => keepRinging(list, call));
        setMissed((list) => applyMissed(list, call));
        current.current?.update(call);
      },
      resync: load,
    });
  }, [client, load]);

  const open = useCallback(
    (start: Parameters<typeof createCallSession>[1]) => {
      if (current.current && !['ended', 'failed'].includes(current.current.snapshot().phase)) return;
      current.current = createCallSession(client, start, setSession);
      setSession(current.current.snapshot());
    },
    [client],
  );

  // Signing out or closing the tab hangs up.
  useEffect(() => () => void current.current?.hangUp(), []);

  const value = useMemo<CallsValue>(
    () => ({
      ringing,
      missed,
      missedError,
      session,
      accept: (call) => open({ type: 'accept', call }),
      decline: async (call) => {
        setRinging((list) => keepRinging(list, { ...call, status: 'declined' }));
        await callApi.decline(call.id);
      },
      callBack: (conversationId, customerId, media) => open({ type: 'callBack', conversationId, customerId, media }),
      markHandled: async (call) => {
        const handled = await callApi.handled(call.id);
        setMissed((list) => applyMissed(list, handled));
      },
      hangUp: async () => current.current?.hangUp(),
      setMuted: (muted) => current.current?.setMuted(muted),
      setCameraOn: (on) => current.current?.setCameraOn(on),
      dismiss: () => {
        if (current.current && !['ended', 'failed'].includes(current.current.snapshot().phase)) return;
        current.current = null;
        setSession(null);
      },
    }),
    [ringing, missed, missedError, session, open],
  );
  return <CallsContext value={value}>{children}</CallsContext>;
}

export function useCalls(): CallsValue {
  const ctx = useContext(CallsContext);
  if (!ctx) throw new Error('useCalls outside CallsProvider');
  return ctx;
}
