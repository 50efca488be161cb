import { useCallback, useEffect, useRef, useState } from 'react';
import { customerProfileApi } from '../../api/customer-profile-api.ts';
import { consentEntries, type ConsentEntry } from './activity-items.ts';

// Consent changes are rare next to messages: read on their own (kinds=consent), so the history is
// whole however far back the pages of the activity go. The newest 200 changes.
export function useConsentHistory(customerId: string): { entries: ConsentEntry[]; reload: () => void } {
  const [entries, setEntries] = useState<ConsentEntry[]>([]);
  const generation = useRef(0);
  const reload = useCallback(() => {
    const gen = ++generation.current;
    customerProfileApi.activity(customerId, { kinds: 'consent', limit: 200 }).then(
      (page) => gen === generation.current && setEntries(consentEntries(page.items)),
      // The card still shows the current consent; the history stays as it was.
      () => undefined,
    );
  }, [customerId]);
  useEffect(() => {
    reload();
    return () => {
      generation.current++;
    };
  }, [reload]);
  return { entries, reload };
}
