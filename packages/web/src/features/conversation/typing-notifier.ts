export type TypingNotifier = {
  // Call on every edit of a non-empty draft.
  input(): void;
  // Call on send, on clearing the draft, and when leaving the conversation.
  stop(): void;
};

export type TypingTiming = { resendMs: number; idleMs: number };

// Sends "typing: true" at most once per resendMs while the employee types, and "false" after
// idleMs without a keystroke or at once on stop(). Keeps the socket quiet during fast typing.
export function createTypingNotifier(send: (typing: boolean) => void, timing: TypingTiming = { resendMs: 3000, idleMs: 2500 }): TypingNotifier {
  let typing = false;
  let lastSent = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    clearTimeout(idle);
    idle = undefined;
    if (typing) {
      typing = false;
      send(false);
    }
  };

  return {
    input() {
      const now = Date.now();
      if (!typing || now - lastSent >= timing.resendMs) {
        typing = true;
        lastSent = now;
        send(true);
      }
      clearTimeout(idle);
      idle = setTimeout(stop, timing.idleMs);
    },
    stop,
  };
}
