import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes, oneOf } from "../portable.ts";

/**
 * Organisers' changes to their group's public details, each waiting for a moderator while
 * the old version stays public; and the group a host says runs their event, which becomes
 * the event's group only once that group's organiser accepts.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable("group_edits")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("group_id", t.ref, (c) => c.notNull().references("groups.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description_md", "text", (c) => c.notNull())
    .addColumn("town", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("latitude", "real")
    .addColumn("longitude", "real")
    // waiting → approved or rejected (a moderator), or superseded by a newer edit.
    .addColumn("status", "text", (c) =>
      c.notNull().check(oneOf("status", ["waiting", "approved", "rejected", "superseded"])),
    )
    // The details the approval replaced (JSON), so an undo can put them back.
    .addColumn("previous", "text")
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("group_edits_group").on("group_edits").columns(["group_id", "status"]).execute();
  await db.schema
    .alterTable("events")
    .addColumn("group_claim_id", t.ref, (c) => c.references("groups.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("events_group_claim").on("events").column("group_claim_id").execute();
}
