import type { Selectable } from "kysely";
import type { Db } from "../../db/index.ts";
import type { MailingState, MailingTable } from "../../db/tables.ts";

export type Mailing = Selectable<MailingTable>;

/** Every state, in the order a mailing goes through them. */
export const MAILING_STATES: readonly MailingState[] = ["draft", "scheduled", "sending", "paused", "sent"];

/** The states in which the words and audience may still change. */
export const EDITABLE_STATES: readonly MailingState[] = ["draft"];

export async function findMailing(db: Db, id: number): Promise<Mailing | undefined> {
  return db.selectFrom("mailings").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Latest first. */
export async function listMailings(db: Db, limit = 200): Promise<Mailing[]> {
  return db.selectFrom("mailings").selectAll().orderBy("id", "desc").limit(limit).execute();
}

export interface MailingProgress {
  /** Delivered to the mail server. */
  sent: number;
  /** Given up on after the outbox's retries. */
  failed: number;
  /** Not sent because consent was withdrawn, the supporter erased or the address suppressed meanwhile. */
  skipped: number;
  /** Not yet sent: still on the list, or in the outbox waiting for their turn. */
  waiting: number;
  total: number;
}

/** Where a mailing is, counted from its list and its messages in the outbox. */
export async function progressOf(db: Db, mailingId: number): Promise<MailingProgress> {
  const [listed, rows] = await Promise.all([
    db
      .selectFrom("mailing_recipients")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("mailing_id", "=", mailingId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("mail_outbox")
      .select((eb) => ["state", eb.fn.countAll().as("n")])
      .where("mailing_id", "=", mailingId)
      .groupBy("state")
      .execute(),
  ]);
  const by = Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])) as Record<string, number>;
  const sent = by.sent ?? 0;
  const failed = by.failed ?? 0;
  const skipped = by.cancelled ?? 0;
  const waiting = Number(listed.n) + (by.queued ?? 0) + (by.sending ?? 0);
  return { sent, failed, skipped, waiting, total: sent + failed + skipped + waiting };
}

/** Erasure: the supporter leaves every list not yet sent (call it in the erasing transaction). */
export async function forgetMailingRecipient(db: Db, supporterId: number): Promise<void> {
  await db.deleteFrom("mailing_recipients").where("supporter_id", "=", supporterId).execute();
}

/** The mailings still to go to a supporter, for their export. */
export async function mailingsWaitingFor(db: Db, supporterId: number) {
  return db
    .selectFrom("mailing_recipients as r")
    .innerJoin("mailings as m", "m.id", "r.mailing_id")
    .select(["m.subject", "m.state", "m.started_at"])
    .where("r.supporter_id", "=", supporterId)
    .orderBy("m.id")
    .execute();
}

/** The petitions whose signers may be chosen: every one that has been public, latest first. */
export async function petitionChoices(db: Db): Promise<{ id: number; title: string }[]> {
  return db
    .selectFrom("campaigns")
    .select(["id", "title"])
    .where("status", "!=", "draft")
    .orderBy("id", "desc")
    .limit(500)
    .execute();
}
