import { type Kysely, sql } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes, oneOf } from "../portable.ts";

/**
 * What the home page shows and in which order, chosen by campaigners: one row (id 1).
 * `blocks` lists every block in order, separated by commas, a hidden one with a "-" before
 * its name ("figures,-events"). `featured` says which campaigns the featured block shows: those marked featured
 * ("flagged"), the newest open one ("newest"), or one chosen campaign ("chosen").
 * The row it starts with is the home page as it was before campaigners could change it.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable("home_layout")
    .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("blocks", "text", (c) => c.notNull())
    .addColumn("featured", "text", (c) => c.notNull().check(oneOf("featured", ["flagged", "newest", "chosen"])))
    .addColumn("featured_campaign_id", t.ref, (c) => c.references("campaigns.id").onDelete("set null"))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
  await sql`insert into home_layout (id, blocks, featured, updated_at)
    values (1, ${"figures,campaigns,stories,join,-events,-take-action"}, ${"flagged"}, ${new Date().toISOString()})`.execute(
    db,
  );
}
