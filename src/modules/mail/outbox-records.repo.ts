import type { Db } from "../../db/index.ts";

/**
 * What the outbox holds about one supporter, for their export: metadata only (the body of
 * an email is never stored).
 */
export async function mailOfSupporter(db: Db, supporterId: number) {
  const rows = await db
    .selectFrom("mail_outbox")
    .select(["kind", "subject", "recipient_masked", "state", "created_at", "sent_at"])
    .where("supporter_id", "=", supporterId)
    .orderBy("id")
    .execute();
  return {
    sent: rows
      .filter((r) => r.state === "sent")
      .map((r) => ({ kind: r.kind, subject: r.subject, to: r.recipient_masked, sent_at: r.sent_at })),
    waiting: rows
      .filter((r) => r.state === "queued" || r.state === "sending" || r.state === "failed")
      .map((r) => ({ kind: r.kind, state: r.state, queued_at: r.created_at })),
  };
}

/** Erasure: every message to this supporter goes, sent or not (call it in the erasing transaction). */
export async function forgetMailOf(db: Db, supporterId: number): Promise<void> {
  await db.deleteFrom("mail_outbox").where("supporter_id", "=", supporterId).execute();
}
