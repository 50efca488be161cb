export type { CallMedia, CallQuality, CallSignal } from './call.types.ts';
export { qualityOf } from './call-quality.ts';
export { acquireMedia, canCall, MediaError, stopMedia, type LocalMedia, type MediaProblem } from './local-media.ts';
export { createPeerSession, type PeerSession, type PeerSessionOptions } from './peer-session.ts';
