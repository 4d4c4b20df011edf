import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes } from "../portable.ts";

/** Joining the community: topics people care about, join requests awaiting confirmation, membership. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable("topics")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("topic_names")
    .addColumn("topic_id", t.ref, (c) => c.notNull().references("topics.id").onDelete("cascade"))
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("topic_names_pk", ["topic_id", "locale"])
    .execute();
  await db.schema
    .createTable("supporter_topics")
    .addColumn("supporter_id", t.ref, (c) => c.notNull().references("supporters.id").onDelete("cascade"))
    .addColumn("topic_id", t.ref, (c) => c.notNull().references("topics.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("supporter_topics_pk", ["supporter_id", "topic_id"])
    .execute();

  // What someone typed into the join form, kept apart until the address's owner confirms it:
  // an existing supporter's record is never changed by whoever typed their address.
  await db.schema
    .createTable("join_requests")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("supporter_id", t.ref, (c) => c.notNull().references("supporters.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("topics", "text", (c) => c.notNull())
    .addColumn("wants_updates", "integer", (c) => c.notNull())
    .addColumn("network_hash", "text")
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("confirmed_at", t.timestamp)
    .execute();
  await db.schema.createIndex("join_requests_supporter").on("join_requests").column("supporter_id").execute();

  await db.schema.alterTable("supporters").addColumn("member_since", t.timestamp).execute();
  await db.schema.alterTable("supporters").addColumn("erased_at", t.timestamp).execute();
  await db.schema.alterTable("campaigns").addColumn("closed_at", t.timestamp).execute();
}
