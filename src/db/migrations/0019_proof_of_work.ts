import { type Kysely, sql } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes, oneOf } from "../portable.ts";

/**
 * The proof-of-work challenge on the sign form: whether it is on for a petition (switched on
 * by a burst from few sources, or on or off by a campaigner), the challenges already used
 * (so that a solution counts once), and a new reason a signature is held back ("challenge").
 * The reason's CHECK is widened by rebuilding held_signatures, the one way both engines share.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable("held_signatures_0019")
    .addColumn("signature_id", t.ref, (c) => c.primaryKey().references("signatures.id").onDelete("cascade"))
    .addColumn("campaign_id", t.ref, (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("reason", "text", (c) =>
      c.notNull().check(oneOf("reason", ["honeypot", "too-fast", "blocked", "challenge"])),
    )
    .addColumn("release_status", "text", (c) => c.notNull().check(oneOf("release_status", ["pending", "confirmed"])))
    .addColumn("held_at", t.timestamp, (c) => c.notNull())
    .addColumn("released_by", t.ref, (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("released_at", t.timestamp)
    .execute();
  await sql`insert into held_signatures_0019 (signature_id, campaign_id, reason, release_status, held_at, released_by, released_at)
    select signature_id, campaign_id, reason, release_status, held_at, released_by, released_at from held_signatures`.execute(
    db,
  );
  await db.schema.dropTable("held_signatures").execute();
  await db.schema.alterTable("held_signatures_0019").renameTo("held_signatures").execute();
  await db.schema
    .createIndex("held_signatures_campaign")
    .on("held_signatures")
    .columns(["campaign_id", "released_at", "reason"])
    .execute();

  await db.schema
    .createTable("signing_challenges")
    .addColumn("campaign_id", t.ref, (c) => c.primaryKey().references("campaigns.id").onDelete("cascade"))
    .addColumn("state", "text", (c) => c.notNull().check(oneOf("state", ["on", "off"])))
    .addColumn("reason", "text", (c) => c.notNull().check(oneOf("reason", ["burst", "campaigner"])))
    .addColumn("since", t.timestamp, (c) => c.notNull())
    .addColumn("ends_at", t.timestamp)
    .addColumn("changed_by", t.ref, (c) => c.references("staff_users.id").onDelete("set null"))
    .execute();

  await db.schema
    .createTable("used_challenges")
    .addColumn("signature", "text", (c) => c.primaryKey())
    .addColumn("expires_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("used_challenges_expires").on("used_challenges").column("expires_at").execute();
}
