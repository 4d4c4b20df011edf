import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes } from "../portable.ts";

/**
 * What the campaign editor needs beyond what campaigns had: a time to publish a draft at
 * (a draft with one is "scheduled"), the target's office, a topic, the delivery's date and
 * note, and the uploaded picture's stored name and widths. Translations gain the office.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema.alterTable("campaigns").addColumn("publish_at", t.timestamp).execute();
  await db.schema.alterTable("campaigns").addColumn("target_office", "text").execute();
  await db.schema
    .alterTable("campaigns")
    .addColumn("topic_id", t.ref, (c) => c.references("topics.id").onDelete("set null"))
    .execute();
  await db.schema.alterTable("campaigns").addColumn("delivered_on", "text").execute();
  await db.schema.alterTable("campaigns").addColumn("delivery_note", "text").execute();
  await db.schema.alterTable("campaigns").addColumn("image_key", "text").execute();
  await db.schema.alterTable("campaigns").addColumn("image_widths", "text").execute();
  await db.schema.alterTable("campaign_translations").addColumn("target_office", "text").execute();
  await db.schema.createIndex("campaigns_due").on("campaigns").columns(["status", "publish_at"]).execute();
}
