import type { CallMedia } from './call.types.ts';

export type MediaProblem = 'denied' | 'no_device' | 'unsupported' | 'failed';
export type LocalMedia = { stream: MediaStream; media: CallMedia; fellBack: boolean };

export class MediaError extends Error {
  constructor(readonly problem: MediaProblem, message: string) {
    super(message);
  }
}

const problemOf = (err: unknown): MediaProblem => {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no_device';
  return 'failed';
};

export const canCall = (): boolean =>
  typeof RTCPeerConnection !== 'undefined' && typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

// Microphone (and camera for video). A camera that is refused or missing falls back to a voice call,
// so the customer can still talk; a refused microphone ends the attempt with the reason.
export async function acquireMedia(media: CallMedia): Promise<LocalMedia> {
  if (!canCall()) throw new MediaError('unsupported', 'This browser cannot make calls');
  if (media === 'video') {
    try {
      return { stream: await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } }), media: 'video', fellBack: false };
    } catch (err) {
      const problem = problemOf(err);
      if (problem !== 'denied' && problem !== 'no_device') throw new MediaError(problem, String(err));
    }
  }
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ audio: true }), media: 'audio', fellBack: media === 'video' };
  } catch (err) {
    throw new MediaError(problemOf(err), String(err));
  }
}

export function stopMedia(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
