/** A loop beside the job worker that looks for due work every so often (the mail and webhook senders). */
export interface Poller<Options = undefined> {
  /** Look now rather than at the next poll (after something is queued in-process). */
  nudge(): void;
  /** Runs passes until nothing is left; for tests and the command line. */
  drain(options?: Options): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Runs `pass` every `pollMs`, never two at once, until stopped. A pass returns how much it
 * did; one that fails is logged as "`name` pass failed" and counts as nothing. `drain` runs
 * one pass, or with `untilEmpty` passes until one finds nothing (for a pass that takes one batch).
 */
export function startPoller<Options = undefined>(
  name: string,
  pass: (options?: Options) => Promise<number>,
  {
    pollMs,
    log,
    untilEmpty = false,
  }: { pollMs: number; log?: { error(obj: object, msg: string): void } | undefined; untilEmpty?: boolean },
): Poller<Options> {
  let stopped = false;
  let running: Promise<number> | null = null;
  const safePass = (options?: Options) =>
    stopped
      ? Promise.resolve(0)
      : pass(options).catch((error: unknown) => {
          log?.error({ err: error instanceof Error ? error.message : String(error) }, `${name} pass failed`);
          return 0;
        });
  const tick = () => {
    if (stopped || running) return;
    running = safePass().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(tick, pollMs);
  timer.unref();
  return {
    nudge: () => setImmediate(tick),
    async drain(options?: Options) {
      while (running) await running;
      let total = 0;
      for (;;) {
        const own = safePass(options).finally(() => {
          running = null;
        });
        running = own;
        const done = await own;
        total += done;
        if (!untilEmpty || done === 0) return total;
      }
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
