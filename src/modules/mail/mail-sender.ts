import type { Deps } from "../../deps.ts";
import type { MailKind } from "./mail-kinds.ts";
import { type SenderLog, sendDueMail } from "./outbox-sender.ts";

export interface MailSender {
  /** Look for mail now rather than at the next poll (after a message is queued in-process). */
  nudge(): void;
  /** Sends what is due until nothing is left; for tests and the command line. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Polls the outbox and sends what is due. Runs beside the job worker, inside `npm start`
 * or alone in `npm run worker`; any number of them may run against one PostgreSQL.
 */
export function startMailSender(
  deps: Deps,
  kinds: Record<string, MailKind>,
  options: { pollMs?: number; log?: SenderLog } = {},
): MailSender {
  const { pollMs = 500, log } = options;
  let stopped = false;
  let running: Promise<number> | null = null;
  const pass = () =>
    stopped
      ? Promise.resolve(0)
      : sendDueMail(deps, kinds, log ? { log } : {}).catch((error: unknown) => {
          log?.error({ err: error instanceof Error ? error.message : String(error) }, "mail sender pass failed");
          return 0;
        });
  const tick = () => {
    if (stopped || running) return;
    running = pass().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(tick, pollMs);
  timer.unref();
  return {
    nudge: () => setImmediate(tick),
    async drain() {
      while (running) await running;
      const own = pass().finally(() => {
        running = null;
      });
      running = own;
      return own;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
