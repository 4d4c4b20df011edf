import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes, oneOf } from "../portable.ts";

/**
 * The moderation queue: one row for each thing the public submitted that a moderator must
 * look at before it is shown (signers' comments first; stories, groups and events later),
 * and the signer's separate consent to show their comment.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .alterTable("signatures")
    .addColumn("comment_public", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("moderation_items")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject_id", t.ref, (c) => c.notNull())
    // The record a public page lists approved items under (a comment's campaign).
    .addColumn("scope_id", t.ref)
    .addColumn("supporter_id", t.ref, (c) => c.references("supporters.id").onDelete("cascade"))
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(oneOf("status", ["waiting", "approved", "rejected"])))
    .addColumn("submitted_at", t.timestamp, (c) => c.notNull())
    .addColumn("decided_at", t.timestamp)
    .addColumn("decided_by", t.ref, (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("reason", "text")
    .addColumn("note", "text")
    .addUniqueConstraint("moderation_items_subject", ["kind", "subject_id"])
    .execute();
  await db.schema
    .createIndex("moderation_items_queue")
    .on("moderation_items")
    .columns(["kind", "status", "submitted_at"])
    .execute();
  await db.schema
    .createIndex("moderation_items_public")
    .on("moderation_items")
    .columns(["kind", "scope_id", "status", "submitted_at"])
    .execute();
  await db.schema.createIndex("moderation_items_decided").on("moderation_items").column("decided_at").execute();
  await db.schema.createIndex("moderation_items_supporter").on("moderation_items").column("supporter_id").execute();
}
