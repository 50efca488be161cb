import { useEffect, useState } from 'react';
import type { ImportProgress } from '../../api/realtime-frames.ts';
import { useRealtime } from '../shell/realtime.context.tsx';

// The latest progress frame of this import (its id is chosen here and sent with the request), so
// another employee's import at the same time does not move this bar.
export function useImportProgress(importId: string | null): ImportProgress | null {
  const active = importId !== null;
  const { client } = useRealtime();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!active) return;
    setProgress(null);
    return client.subscribe({ importProgress: (p) => p.importId === importId && setProgress(p) });
  }, [active, importId, client]);
  return active ? progress : null;
}
