import { useCallback, useEffect, useState } from 'react';
import { customerProfileApi } from '../../api/customer-profile-api.ts';
import type { AttributeDefinition } from '../../api/customer-profile-types.ts';

export type AttributeDefinitions = { definitions: AttributeDefinition[]; loaded: boolean; error: unknown; reload: () => void };

// The workspace's custom customer fields, in the order the server gives them.
export function useAttributeDefinitions(): AttributeDefinitions {
  const [state, setState] = useState<{ definitions: AttributeDefinition[]; loaded: boolean; error: unknown }>({ definitions: [], loaded: false, error: null });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    customerProfileApi.attributes().then(
      (page) => live && setState({ definitions: page.items, loaded: true, error: null }),
      (error: unknown) => live && setState({ definitions: [], loaded: true, error }),
    );
    return () => {
      live = false;
    };
  }, [version]);

  return { ...state, reload };
}
