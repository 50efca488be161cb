import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { createRealtimeClient, type ConnectionState, type RealtimeClient } from '../../api/realtime-client.ts';

type RealtimeValue = { client: RealtimeClient; state: ConnectionState };

const RealtimeContext = createContext<RealtimeValue | null>(null);

// The socket lives exactly as long as the signed-in shell (created in an effect so that
// React's strict-mode double mount does not leave a stray connection behind).
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [value, setValue] = useState<RealtimeValue | null>(null);

  useEffect(() => {
    const client = createRealtimeClient();
    setValue({ client, state: client.state() });
    const off = client.subscribe({ state: (state) => setValue({ client, state }) });
    return () => {
      off();
      client.close();
    };
  }, []);

  if (!value) return null;
  return <RealtimeContext value={value}>{children}</RealtimeContext>;
}

export function useRealtime(): RealtimeValue {
  const ctx = useContext(RealtimeContext);
  if (!ctx) throw new Error('useRealtime outside RealtimeProvider');
  return ctx;
}
