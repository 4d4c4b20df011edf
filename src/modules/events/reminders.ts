import type { Deps } from "../../deps.ts";
import type { JobHandler } from "../../jobs/worker.ts";
import { queueMail } from "../mail/outbox.repo.ts";

export const JOB_QUEUE_EVENT_REMINDERS = "queue-event-reminders";
export const MAIL_EVENT_REMINDER = "event-reminder";

/** How long before an event its reminder goes. */
export const REMINDER_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Queues the reminder of every event starting within the next day to each attendee with a
 * place who asked for it. The outbox's idempotency key (event and RSVP) makes it once per
 * attendee and event however often this runs.
 */
export async function queueEventReminders(deps: Deps, at = new Date()): Promise<number> {
  const rows = await deps.db
    .selectFrom("event_rsvps as r")
    .innerJoin("events as e", "e.id", "r.event_id")
    .select(["r.id", "r.event_id", "r.supporter_id"])
    .where("e.status", "=", "published")
    .where("e.starts_at", ">", at.toISOString())
    .where("e.starts_at", "<=", new Date(at.getTime() + REMINDER_AHEAD_MS).toISOString())
    .where("r.status", "=", "going")
    .where("r.reminders", "=", 1)
    .execute();
  if (rows.length === 0) return 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      await queueMail(trx, {
        kind: MAIL_EVENT_REMINDER,
        params: { rsvpId: r.id },
        idempotencyKey: `event-reminder:${r.event_id}:${r.id}`,
        supporterId: r.supporter_id,
      });
    }
  });
  deps.wakeWorker();
  return rows.length;
}

export const eventRemindersJob: JobHandler = async (deps) => {
  await queueEventReminders(deps);
};
