import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes, oneOf } from "../portable.ts";

/**
 * Abuse defences: signatures held back quietly (a filled hidden field, a form sent too fast,
 * a blocked email domain or network range), each with the status it gets if released; and
 * the block and allow lists staff keep (email domains and network ranges in CIDR form).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable("held_signatures")
    .addColumn("signature_id", t.ref, (c) => c.primaryKey().references("signatures.id").onDelete("cascade"))
    .addColumn("campaign_id", t.ref, (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("reason", "text", (c) => c.notNull().check(oneOf("reason", ["honeypot", "too-fast", "blocked"])))
    .addColumn("release_status", "text", (c) => c.notNull().check(oneOf("release_status", ["pending", "confirmed"])))
    .addColumn("held_at", t.timestamp, (c) => c.notNull())
    .addColumn("released_by", t.ref, (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("released_at", t.timestamp)
    .execute();
  await db.schema
    .createIndex("held_signatures_campaign")
    .on("held_signatures")
    .columns(["campaign_id", "released_at", "reason"])
    .execute();

  await db.schema
    .createTable("abuse_rules")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull().check(oneOf("kind", ["email-domain", "network"])))
    .addColumn("action", "text", (c) => c.notNull().check(oneOf("action", ["block", "allow"])))
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("created_by", t.ref, (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addUniqueConstraint("abuse_rules_kind_value", ["kind", "value"])
    .execute();
}
