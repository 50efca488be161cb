import { useEffect, useState } from 'preact/hooks';
import type { CallController } from '../calls/call.controller.ts';
import type { CallUiState } from '../calls/call.state.ts';

export function useCallState(calls: CallController): CallUiState {
  const [state, setState] = useState(calls.getState());
  useEffect(() => {
    const unsubscribe = calls.subscribe(() => setState(calls.getState()));
    setState(calls.getState());
    return unsubscribe;
  }, [calls]);
  return state;
}
