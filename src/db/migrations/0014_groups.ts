import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes, oneOf } from "../portable.ts";

/**
 * Local welcome groups (public once a moderator approves them), the people who join them,
 * and an optional group for each event.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable("groups")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description_md", "text", (c) => c.notNull())
    // Town level only: never an address.
    .addColumn("town", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    // The point the organiser chose for the map (two decimals), or none: the country only.
    .addColumn("latitude", "real")
    .addColumn("longitude", "real")
    .addColumn("organiser_supporter_id", t.ref, (c) => c.references("supporters.id").onDelete("set null"))
    // The organiser's name, for staff and the emails they get; never shown to the public.
    .addColumn("organiser_name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(oneOf("status", ["waiting", "published", "rejected", "unpublished"])),
    )
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("groups_listing").on("groups").columns(["status", "country"]).execute();
  await db.schema.createIndex("groups_organiser").on("groups").column("organiser_supporter_id").execute();
  await db.schema
    .createTable("group_members")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("group_id", t.ref, (c) => c.notNull().references("groups.id").onDelete("cascade"))
    .addColumn("supporter_id", t.ref, (c) => c.notNull().references("supporters.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(oneOf("status", ["pending", "member", "left"])))
    // Whether they asked to share their name and email with the organiser (1 once confirmed).
    .addColumn("wants_sharing", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("shares_with_organiser", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("confirmed_at", t.timestamp)
    .addColumn("left_at", t.timestamp)
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addUniqueConstraint("group_members_one_each", ["group_id", "supporter_id"])
    .execute();
  await db.schema.createIndex("group_members_supporter").on("group_members").column("supporter_id").execute();
  await db.schema
    .alterTable("events")
    .addColumn("group_id", t.ref, (c) => c.references("groups.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("events_group").on("events").column("group_id").execute();
}
