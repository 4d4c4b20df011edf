import type { Db } from "../../db/index.ts";
import type { Deps } from "../../deps.ts";
import type { JobHandler } from "../../jobs/worker.ts";
import { queueMail } from "../mail/outbox.repo.ts";

export const JOB_QUEUE_EVENT_REMINDERS = "queue-event-reminders";
export const MAIL_EVENT_REMINDER = "event-reminder";

/** How long before an event its reminder goes. */
export const REMINDER_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Queues, in `db` (a transaction or not), the reminder of every event starting within the
 * next day (or of that one event, given its id) to each attendee with a place who asked for
 * it. The outbox's idempotency key (event and RSVP) makes it once per attendee and event
 * however often this runs, from the job or from the moment a place or a time is settled.
 */
export async function queueRemindersIn(db: Db, at: Date, eventId?: number): Promise<number> {
  let query = db
    .selectFrom("event_rsvps as r")
    .innerJoin("events as e", "e.id", "r.event_id")
    .select(["r.id", "r.event_id", "r.supporter_id"])
    .where("e.status", "=", "published")
    .where("e.starts_at", ">", at.toISOString())
    .where("e.starts_at", "<=", new Date(at.getTime() + REMINDER_AHEAD_MS).toISOString())
    .where("r.status", "=", "going")
    .where("r.reminders", "=", 1);
  if (eventId !== undefined) query = query.where("e.id", "=", eventId);
  const rows = await query.execute();
  for (const r of rows) {
    await queueMail(db, {
      kind: MAIL_EVENT_REMINDER,
      params: { rsvpId: r.id },
      idempotencyKey: `event-reminder:${r.event_id}:${r.id}`,
      supporterId: r.supporter_id,
    });
  }
  return rows.length;
}

/**
 * The job's run (every 15 minutes) over every event, or one event's reminders at once. Call
 * it inside a transaction through queueRemindersIn instead.
 */
export async function queueEventReminders(deps: Deps, at = new Date(), eventId?: number): Promise<number> {
  const queued = await deps.db.transaction().execute((trx) => queueRemindersIn(trx, at, eventId));
  if (queued > 0) deps.wakeWorker();
  return queued;
}

export const eventRemindersJob: JobHandler = async (deps) => {
  await queueEventReminders(deps);
};
