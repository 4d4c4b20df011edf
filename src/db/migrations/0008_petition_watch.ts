import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes, oneOf } from "../portable.ts";

/**
 * Watching a petition: the pause switch (one petition, or all of them), batches of
 * signatures invalidated together (and what each signature was before, so a batch can be
 * restored exactly), and an index for the by-time questions the dashboard asks.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);

  // A row while signing is paused: scope "all" (every petition) or the campaign's id.
  await db.schema
    .createTable("signing_pauses")
    .addColumn("scope", "text", (c) => c.primaryKey())
    .addColumn("campaign_id", t.ref, (c) => c.references("campaigns.id").onDelete("cascade"))
    .addColumn("paused_by", t.ref, (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("paused_at", t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("invalidation_batches")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("campaign_id", t.ref, (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(oneOf("kind", ["network", "email-domain"])))
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("since", t.timestamp, (c) => c.notNull())
    .addColumn("signatures", "integer", (c) => c.notNull())
    .addColumn("created_by", t.ref, (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("restored_by", t.ref, (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("restored_at", t.timestamp)
    .execute();
  await db.schema
    .createIndex("invalidation_batches_campaign")
    .on("invalidation_batches")
    .columns(["campaign_id", "created_at"])
    .execute();

  await db.schema
    .createTable("invalidated_signatures")
    .addColumn("batch_id", t.ref, (c) => c.notNull().references("invalidation_batches.id").onDelete("cascade"))
    .addColumn("signature_id", t.ref, (c) => c.notNull().references("signatures.id").onDelete("cascade"))
    .addColumn("previous_status", "text", (c) => c.notNull().check(oneOf("previous_status", ["pending", "confirmed"])))
    .addPrimaryKeyConstraint("invalidated_signatures_pk", ["batch_id", "signature_id"])
    .execute();
  await db.schema
    .createIndex("invalidated_signatures_signature")
    .on("invalidated_signatures")
    .column("signature_id")
    .execute();

  // Covers the dashboard's by-time counts (time and status) without reading the rows.
  await db.schema
    .createIndex("signatures_campaign_created")
    .on("signatures")
    .columns(["campaign_id", "created_at", "status"])
    .execute();
}
