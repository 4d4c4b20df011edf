import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes, oneOf } from "../portable.ts";

/**
 * Mailings that campaigners write to supporters who consented, the recipients not yet handed
 * to the mail outbox (the list is fixed when sending starts), the mailing each outbox message
 * belongs to, and the suppression list (keyed hashes of addresses that bounced or complained).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable("mailings")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_md", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    // The audience's filters as JSON (see mailings/audience.ts).
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) =>
      c.notNull().check(oneOf("state", ["draft", "scheduled", "sending", "paused", "sent"])),
    )
    .addColumn("send_at", t.timestamp)
    .addColumn("started_at", t.timestamp)
    .addColumn("finished_at", t.timestamp)
    // How many the list held when sending started.
    .addColumn("recipients", "integer")
    // Until when messages have been handed to the outbox, one every 60 s / MAILING_RATE_PER_MINUTE.
    .addColumn("released_until", t.timestamp)
    .addColumn("created_by", t.ref, (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mailings_state").on("mailings").columns(["state", "send_at"]).execute();
  await db.schema
    .createTable("mailing_recipients")
    .addColumn("mailing_id", t.ref, (c) => c.notNull().references("mailings.id").onDelete("cascade"))
    .addColumn("supporter_id", t.ref, (c) => c.notNull().references("supporters.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("mailing_recipients_pk", ["mailing_id", "supporter_id"])
    .execute();
  await db.schema.createIndex("mailing_recipients_supporter").on("mailing_recipients").column("supporter_id").execute();
  await db.schema
    .alterTable("mail_outbox")
    .addColumn("mailing_id", t.ref, (c) => c.references("mailings.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("mail_outbox_mailing").on("mail_outbox").columns(["mailing_id", "state"]).execute();
  await db.schema
    .createTable("mail_suppressions")
    // HMAC-SHA256 of the canonical address under a key derived from SECRET_KEY: no readable address.
    .addColumn("email_hash", "text", (c) => c.primaryKey())
    .addColumn("reason", "text", (c) => c.notNull().check(oneOf("reason", ["bounce", "complaint", "manual"])))
    .addColumn("source", "text", (c) => c.notNull().check(oneOf("source", ["admin", "webhook"])))
    .addColumn("created_by", t.ref, (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .execute();
}
