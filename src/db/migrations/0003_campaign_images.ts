import type { Kysely } from "kysely";

/** A campaign's picture: where it is, its size, and the words that go with it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("campaigns").addColumn("image_url", "text").execute();
  await db.schema.alterTable("campaigns").addColumn("image_width", "integer").execute();
  await db.schema.alterTable("campaigns").addColumn("image_height", "integer").execute();
  await db.schema.alterTable("campaigns").addColumn("image_caption", "text").execute();
  await db.schema.alterTable("campaigns").addColumn("image_credit", "text").execute();
}
