import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReplyCheck } from '../../api/api.types.ts';
import { api } from '../../api/http-client.ts';
import { createCheckScheduler } from './reply-check-scheduler.ts';

export type ReplyGuard = {
  // The latest answer; it may be for slightly older text until the next check comes back.
  check: ReplyCheck | null;
  checkNow: () => Promise<ReplyCheck | null>;
};

// Asks the server, while the employee writes, whether the reply is nearly one already sent to others.
export function useReplyGuard(conversationId: string, text: string): ReplyGuard {
  const [check, setCheck] = useState<ReplyCheck | null>(null);
  const scheduler = useMemo(
    () =>
      createCheckScheduler<ReplyCheck>(
        (t) => api.post<ReplyCheck>('/api/replies/check', { conversationId, text: t }),
        (_t, result) => setCheck(result),
      ),
    [conversationId],
  );
  const trimmed = text.trim();
  useEffect(() => scheduler.input(trimmed), [scheduler, trimmed]);
  useEffect(() => () => scheduler.cancel(), [scheduler]);
  const checkNow = useCallback(() => scheduler.now(trimmed), [scheduler, trimmed]);
  return { check, checkNow };
}
