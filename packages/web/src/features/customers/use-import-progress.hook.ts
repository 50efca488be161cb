import { useEffect, useState } from 'react';
import type { ImportProgress } from '../../api/realtime-frames.ts';
import { useRealtime } from '../shell/realtime.context.tsx';

// The latest progress frame while an import request is pending. Its id only comes back with the
// response, so any import's progress is taken: in practice one person imports at a time.
export function useImportProgress(active: boolean): ImportProgress | null {
  const { client } = useRealtime();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!active) return;
    setProgress(null);
    return client.subscribe({ importProgress: setProgress });
  }, [active, client]);
  return active ? progress : null;
}
