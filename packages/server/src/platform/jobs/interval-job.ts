export type JobLog = { error: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void };

// Periodic maintenance inside the server process. Runs never overlap, and the timer does not keep
// the process alive. Work that must run once across several processes belongs in a real queue.
export function startIntervalJob(name: string, everyMs: number, run: () => Promise<unknown>, log: JobLog): () => Promise<void> {
  let current: Promise<unknown> | null = null;
  const tick = () => {
    if (current) return;
    current = run()
      // A run that did nothing returns undefined and is not logged (some jobs run every few seconds).
      .then((result) => result !== undefined && log.info({ job: name, result }, 'job finished'))
      .catch((err: unknown) => log.error({ err, job: name }, 'job failed'))
      .finally(() => (current = null));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  const first = setTimeout(tick, Math.min(everyMs, 60_000));
  first.unref();
  return async () => {
    clearInterval(timer);
    clearTimeout(first);
    await current;
  };
}
