import { useCallback, useEffect, useState } from 'react';
import { customerProfileApi } from '../../api/customer-profile-api.ts';
import type { CustomerProfile } from '../../api/customer-profile-types.ts';

export type ProfileState = {
  profile: CustomerProfile | null;
  error: unknown;
  // What an edit answered, put in place without reading the whole profile again.
  update: (change: Partial<CustomerProfile>) => void;
  reload: () => void;
};

export function useCustomerProfile(customerId: string): ProfileState {
  const [state, setState] = useState<{ profile: CustomerProfile | null; error: unknown }>({ profile: null, error: null });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const update = useCallback((change: Partial<CustomerProfile>) => setState((s) => (s.profile ? { ...s, profile: { ...s.profile, ...change } } : s)), []);

  useEffect(() => {
    let live = true;
    customerProfileApi.profile(customerId).then(
      (profile) => live && setState({ profile, error: null }),
      (error: unknown) => live && setState((s) => ({ profile: s.profile, error })),
    );
    return () => {
      live = false;
    };
  }, [customerId, version]);

  return { ...state, update, reload };
}
