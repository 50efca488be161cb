import { useCallback, useState } from 'react';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';

// Busy flag, the server's error message and a success line for one admin form or row.
export function useFormStatus() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = useCallback(
    async (action: () => Promise<string | null | void>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      setDone(null);
      try {
        setDone((await action()) ?? null);
        return true;
      } catch (err) {
        setError(errorText(err, t));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  return { busy, error, done, run };
}
