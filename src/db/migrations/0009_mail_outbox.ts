import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes, oneOf } from "../portable.ts";

/** The jobs that sent email until the outbox took over, and the kind of message each became. */
const EMAIL_JOBS: Record<string, string> = {
  "send-signature-confirmation": "signature-confirmation",
  "send-already-signed": "already-signed",
  "send-join-confirmation": "join-confirmation",
  "send-welcome": "welcome",
  "send-manage-link": "manage-link",
  "send-erasure-receipt": "erasure-receipt",
};

/**
 * The mail outbox: one row per email to send, written in the transaction of the change
 * that causes it. Email jobs still waiting move into it, so none is lost on the way.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("params", "text", (c) => c.notNull())
    .addColumn("supporter_id", t.ref, (c) => c.references("supporters.id").onDelete("cascade"))
    .addColumn("message_id", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) =>
      c.notNull().check(oneOf("state", ["queued", "sending", "sent", "failed", "cancelled"])),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (c) => c.notNull())
    .addColumn("next_attempt_at", t.timestamp, (c) => c.notNull())
    .addColumn("locked_until", t.timestamp)
    .addColumn("recipient_masked", "text")
    .addColumn("subject", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addColumn("sent_at", t.timestamp)
    .execute();
  await db.schema.createIndex("mail_outbox_due").on("mail_outbox").columns(["state", "next_attempt_at"]).execute();
  await db.schema.createIndex("mail_outbox_supporter").on("mail_outbox").column("supporter_id").execute();

  const names = Object.keys(EMAIL_JOBS);
  const { rows } = await sql<{
    id: number;
    name: string;
    payload: string;
    idempotency_key: string | null;
    status: string;
    attempts: number;
    last_error: string | null;
  }>`select id, name, payload, idempotency_key, status, attempts, last_error from jobs
    where name in (${sql.join(names)}) and status in ('queued', 'running', 'failed') order by id`.execute(db);
  const at = new Date().toISOString();
  for (const job of rows) {
    const kind = EMAIL_JOBS[job.name] ?? job.name;
    const failed = job.status === "failed";
    await sql`insert into mail_outbox
      (kind, idempotency_key, params, message_id, state, attempts, max_attempts, next_attempt_at, last_error,
        created_at, updated_at)
      values (${kind}, ${job.idempotency_key ?? `job:${job.id}`}, ${job.payload}, ${randomUUID()},
        ${failed ? "failed" : "queued"}, ${failed ? job.attempts : 0}, ${failed ? job.attempts : 10}, ${at},
        ${job.last_error}, ${at}, ${at})`.execute(db);
  }
  await sql`delete from jobs where name in (${sql.join(names)})`.execute(db);
}
