import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes } from "../portable.ts";

/** A campaign's words, and its updates', in other languages than its own. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable("campaign_translations")
    .addColumn("campaign_id", t.ref, (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("demand", "text", (c) => c.notNull())
    .addColumn("target_name", "text", (c) => c.notNull())
    .addColumn("body_md", "text", (c) => c.notNull())
    .addColumn("image_alt", "text")
    .addColumn("image_caption", "text")
    .addColumn("image_credit", "text")
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint("campaign_translations_pk", ["campaign_id", "locale"])
    .execute();
  await db.schema
    .createTable("campaign_update_translations")
    .addColumn("update_id", t.ref, (c) => c.notNull().references("campaign_updates.id").onDelete("cascade"))
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body_md", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("campaign_update_translations_pk", ["update_id", "locale"])
    .execute();
}
