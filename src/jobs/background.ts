import type { Deps } from "../deps.ts";
import { startWebhookSender } from "../modules/api/webhook-sender.ts";
import { startMailSender } from "../modules/mail/mail-sender.ts";
import { JOB_HANDLERS, JOB_SCHEDULES, MAIL_KINDS } from "./handlers.ts";
import { type JobLog, type Schedule, startWorker, type Worker } from "./worker.ts";

/**
 * Everything that runs in the background: the job worker (with its schedules), the
 * mail sender and the webhook sender. `npm start` runs it in the web process unless WORKER=off; `npm run worker`
 * runs it alone.
 */
export function startBackgroundWork(deps: Deps, options: { log?: JobLog; schedules?: Schedule[] } = {}): Worker {
  const { log, schedules = JOB_SCHEDULES } = options;
  const jobs = startWorker(deps, JOB_HANDLERS, { schedules, ...(log ? { log } : {}) });
  const mail = startMailSender(deps, MAIL_KINDS, log ? { log } : {});
  const webhooks = startWebhookSender(deps, log ? { log } : {});
  return {
    nudge() {
      jobs.nudge();
      mail.nudge();
      webhooks.nudge();
    },
    /** Until neither has anything left: a job may queue an email. */
    async drain() {
      let total = 0;
      for (;;) {
        const done = (await jobs.drain()) + (await mail.drain()) + (await webhooks.drain());
        total += done;
        if (done === 0) return total;
      }
    },
    async stop() {
      await Promise.all([jobs.stop(), mail.stop(), webhooks.stop()]);
    },
  };
}
