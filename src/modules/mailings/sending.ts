import { forUpdate } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import type { JobHandler } from "../../jobs/worker.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import { audienceFromJson, materialiseRecipients } from "./audience.ts";

/** The kind of every mailing's message in the mail outbox. */
export const MAIL_MAILING = "mailing";
/** The job that starts mailings whose time has come and hands the next minute's messages to the outbox. */
export const JOB_RELEASE_MAILINGS = "release-mailings";

/** Messages are handed to the outbox up to this far ahead, each with its own time. */
const WINDOW_MS = 60_000;

type Trx = Deps["db"];

const lockMailing = (trx: Trx, deps: Deps, id: number) =>
  forUpdate(trx.selectFrom("mailings").selectAll().where("id", "=", id), deps.dialect).executeTakeFirst();

/**
 * Starts a scheduled mailing whose time has come: its list is fixed now (people who join
 * later are not added), and it is sending. Returns whether it started.
 */
export async function startMailing(deps: Deps, id: number, now: Date): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const mailing = await lockMailing(trx, deps, id);
    if (mailing?.state !== "scheduled" || (mailing.send_at !== null && mailing.send_at > now.toISOString())) {
      return false;
    }
    const recipients = await materialiseRecipients(trx, id, audienceFromJson(mailing.audience));
    await trx
      .updateTable("mailings")
      .set({
        state: "sending",
        started_at: now.toISOString(),
        recipients,
        released_until: null,
        updated_at: now.toISOString(),
      })
      .where("id", "=", id)
      .execute();
    return true;
  });
}

/**
 * Hands the next messages of a sending mailing to the outbox at the throttled pace: one
 * every 60 s / MAILING_RATE_PER_MINUTE, each due at its own time, up to a minute ahead.
 * However late or often it runs, no more than a minute's worth is ever waiting, so a
 * restart after an outage does not send a burst. A message's idempotency key (mailing and
 * supporter) means it is never queued twice. Ends the mailing once everything is done.
 */
export async function releaseMailing(deps: Deps, id: number, now: Date): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const mailing = await lockMailing(trx, deps, id);
    if (mailing?.state !== "sending") return 0;
    const interval = 60_000 / deps.config.mailingRatePerMinute;
    const from = Math.max(mailing.released_until ? Date.parse(mailing.released_until) : 0, now.getTime());
    const room = Math.floor((now.getTime() + WINDOW_MS - from) / interval);
    if (room <= 0) return 0;
    const next = await trx
      .selectFrom("mailing_recipients")
      .select("supporter_id")
      .where("mailing_id", "=", id)
      .orderBy("supporter_id")
      .limit(room)
      .execute();
    if (next.length === 0) {
      await finishIfDone(trx, id, now);
      return 0;
    }
    for (const [i, { supporter_id }] of next.entries()) {
      await queueMail(trx, {
        kind: MAIL_MAILING,
        params: { mailingId: id, supporterId: supporter_id },
        idempotencyKey: `mailing:${id}:${supporter_id}`,
        supporterId: supporter_id,
        mailingId: id,
        now,
        notBefore: new Date(from + i * interval),
      });
    }
    await trx
      .deleteFrom("mailing_recipients")
      .where("mailing_id", "=", id)
      .where(
        "supporter_id",
        "in",
        next.map((r) => r.supporter_id),
      )
      .execute();
    await trx
      .updateTable("mailings")
      .set({ released_until: new Date(from + next.length * interval).toISOString(), updated_at: now.toISOString() })
      .where("id", "=", id)
      .execute();
    return next.length;
  });
}

/** Sent: nothing left on the list and nothing of it waiting in the outbox. */
async function finishIfDone(trx: Trx, id: number, now: Date): Promise<void> {
  const open = await trx
    .selectFrom("mail_outbox")
    .select("id")
    .where("mailing_id", "=", id)
    .where("state", "in", ["queued", "sending"])
    .limit(1)
    .executeTakeFirst();
  if (open) return;
  await trx
    .updateTable("mailings")
    .set({ state: "sent", finished_at: now.toISOString(), updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Retention: a mailing left paused longer than RETENTION_MAIL_DAYS loses the rest of its
 * list (who it was still to go to); resuming it then sends nothing more. Returns how many.
 */
export async function forgetStaleLists(deps: Deps, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - deps.config.retention.mailDays * DAY_MS).toISOString();
  const result = await deps.db
    .deleteFrom("mailing_recipients")
    .where("mailing_id", "in", (eb) =>
      eb.selectFrom("mailings").select("id").where("state", "=", "paused").where("updated_at", "<", before),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** One turn of the clock: starts what is due, then hands each sending mailing its next messages. */
export async function releaseMailings(deps: Deps, now = new Date()): Promise<number> {
  await forgetStaleLists(deps, now);
  const due = await deps.db
    .selectFrom("mailings")
    .select("id")
    .where("state", "=", "scheduled")
    .where("send_at", "<=", now.toISOString())
    .execute();
  for (const { id } of due) await startMailing(deps, id, now);
  const sending = await deps.db.selectFrom("mailings").select("id").where("state", "=", "sending").execute();
  let released = 0;
  for (const { id } of sending) released += await releaseMailing(deps, id, now);
  if (released > 0) deps.wakeWorker();
  return released;
}

export const releaseMailingsJob: JobHandler = async (deps) => {
  await releaseMailings(deps);
};

/**
 * Holds a sending mailing: the messages handed to the outbox and not yet taken by the
 * sender go back on the list (one being sent at this moment still goes). Returns the
 * state it was in, or null when it was not sending.
 */
export async function holdMailing(trx: Trx, deps: Deps, id: number, now: Date): Promise<number | null> {
  const mailing = await lockMailing(trx, deps, id);
  if (mailing?.state !== "sending") return null;
  const back = await trx
    .deleteFrom("mail_outbox")
    .where("mailing_id", "=", id)
    .where("state", "=", "queued")
    .returning("supporter_id")
    .execute();
  const ids = back.map((r) => r.supporter_id).filter((s): s is number => s !== null);
  for (let i = 0; i < ids.length; i += 500) {
    await trx
      .insertInto("mailing_recipients")
      .values(ids.slice(i, i + 500).map((supporter_id) => ({ mailing_id: id, supporter_id })))
      .execute();
  }
  await trx
    .updateTable("mailings")
    .set({ state: "paused", released_until: null, updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
  return ids.length;
}
