import type { WireSignal } from '../../api/call-types.ts';

// Who makes the offer: the side that placed the call (the customer for their call, the employee for a call
// back). Each side says `ready` once it has joined the call's signalling; the caller offers on the other's
// `ready`. The callee repeats `ready` until an offer comes, so a caller that joined late still hears it.
export type CallRole = 'caller' | 'callee';
export type SignallingState = { offered: boolean; gotOffer: boolean; answered: boolean };
export type SignalStep = 'offer' | 'answer' | 'receive' | 'say-ready' | 'ignore';

export const initialSignalling = (): SignallingState => ({ offered: false, gotOffer: false, answered: false });

export function planSignal(role: CallRole, state: SignallingState, signal: WireSignal): { step: SignalStep; state: SignallingState } {
  switch (signal.kind) {
    case 'ready':
      if (role === 'caller') return state.offered || state.gotOffer ? { step: 'ignore', state } : { step: 'offer', state: { ...state, offered: true } };
      return state.gotOffer ? { step: 'ignore', state } : { step: 'say-ready', state };
    case 'offer':
      // A caller that has offered already keeps its own offer (no glare); otherwise any offer is answered.
      if (state.offered || state.gotOffer) return { step: 'ignore', state };
      return { step: 'answer', state: { ...state, gotOffer: true } };
    case 'answer':
      if (!state.offered || state.answered) return { step: 'ignore', state };
      return { step: 'receive', state: { ...state, answered: true } };
    case 'ice':
      return { step: 'receive', state };
  }
}
