export type TypingThrottleOptions = {
  send: (typing: boolean) => void;
  now?: () => number;
  schedule?: (fn: () => void, ms: number) => () => void;
  repeatMs?: number;
  idleMs?: number;
};

// Keystrokes become at most one "typing" frame per `repeatMs`, and "stopped" after `idleMs` of quiet.
export function createTypingThrottle(opts: TypingThrottleOptions) {
  const now = opts.now ?? Date.now;
  const schedule =
    opts.schedule ??
    ((fn, ms) => {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    });
  const repeatMs = opts.repeatMs ?? 3000;
  const idleMs = opts.idleMs ?? 2500;
  let typing = false;
  let lastSent = 0;
  let cancelIdle: (() => void) | null = null;

  function stop() {
    cancelIdle?.();
    cancelIdle = null;
    if (!typing) return;
    typing = false;
    opts.send(false);
  }

  return {
    keystroke() {
      const t = now();
      if (!typing || t - lastSent >= repeatMs) {
        typing = true;
        lastSent = t;
        opts.send(true);
      }
      cancelIdle?.();
      cancelIdle = schedule(stop, idleMs);
    },
    stop,
  };
}
