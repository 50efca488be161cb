// When to ask the server whether a reply is canned: after a pause in typing, and always right before
// sending (reusing the answer when the text has not changed). Answers for older text are dropped.

// The server judges only replies with at least six content words; fewer words can never be judged.
export const MIN_WORDS = 6;
export const CHECK_DELAY_MS = 400;

export const worthChecking = (text: string): boolean => (text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= MIN_WORDS;

export type CheckScheduler<T> = {
  // The text changed: check it after the delay, or clear the answer at once when it is too short.
  input: (text: string) => void;
  // Sending: the answer for exactly this text, now; null when it is not worth checking or the check failed.
  now: (text: string) => Promise<T | null>;
  cancel: () => void;
};

export function createCheckScheduler<T>(
  run: (text: string) => Promise<T>,
  onResult: (text: string, result: T | null) => void,
  delayMs: number = CHECK_DELAY_MS,
): CheckScheduler<T> {
  let latest: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: { text: string; result: T } | null = null;
  let inflight: { text: string; promise: Promise<T | null> } | null = null;

  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const fetch = (text: string): Promise<T | null> => {
    if (inflight?.text === text) return inflight.promise;
    const promise = run(text).then(
      (result) => {
        last = { text, result };
        if (latest === text) onResult(text, result);
        return result;
      },
      // Advisory only: a failed check never stands between the employee and the customer.
      () => null,
    );
    const mine = { text, promise };
    inflight = mine;
    void promise.finally(() => {
      if (inflight === mine) inflight = null;
    });
    return promise;
  };

  return {
    input(text) {
      latest = text;
      stopTimer();
      if (!worthChecking(text)) return onResult(text, null);
      if (last?.text === text) return onResult(text, last.result);
      timer = setTimeout(() => {
        timer = undefined;
        void fetch(text);
      }, delayMs);
    },
    now(text) {
      latest = text;
      stopTimer();
      if (!worthChecking(text)) return Promise.resolve(null);
      if (last?.text === text) return Promise.resolve(last.result);
      return fetch(text);
    },
    cancel() {
      latest = null;
      stopTimer();
    },
  };
}
