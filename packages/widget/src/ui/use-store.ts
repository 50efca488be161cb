import { useEffect, useState } from 'preact/hooks';
import type { WidgetController, WidgetState } from '../state/widget.controller.ts';

export function useWidgetState(controller: WidgetController): WidgetState {
  const [state, setState] = useState(controller.getState());
  useEffect(() => {
    const unsubscribe = controller.subscribe(() => setState(controller.getState()));
    setState(controller.getState());
    return () => void unsubscribe();
  }, [controller]);
  return state;
}
